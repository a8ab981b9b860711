// What one call may spend: the client's cancellation and the call's time budget, with a
// way to report progress. The MCP layer builds it for each tool call (its ToolContext);
// the work in this room that pages Batch or fetches stats takes it as it is.

import type { Deadline } from "../batch/deadline.js";
import type { Grant } from "../projects/index.js";
import type { ProjectSelection } from "./project-selection.js";
import type { Services } from "./services.js";
import type { Workspaces } from "./workspaces.js";

export interface CallContext {
  /** The workspace of the project the call is about. */
  services: Services;
  /** The client's cancellation. */
  signal: AbortSignal;
  /** The call's time budget (BATCH_MCP_TIME_BUDGET_MS): work past it stops and answers with what it has. */
  deadline: Deadline;
  /** Aborts on the client's cancellation or at the deadline: what requests to Batch should get. */
  until: AbortSignal;
  /** Sends a progress notification when the client asked for them; a no-op otherwise. */
  progress(progress: number, total: number | undefined, message: string): Promise<void>;
}

/** A call from someone whose grant says which projects they may use. */
export interface ProjectCall extends CallContext {
  /** The workspace of the project the caller gets when naming none (the default project, or
   *  their only one), looked up when first read: throws ProjectLookupError when there is none. */
  readonly services: Services;
  grant: Grant;
  /** Every project's workspace: reach one through `in`, which checks the grant. */
  workspaces: Workspaces;
  /** The same call in the project a selection names, as the grant allows: throws
   *  ProjectLookupError for a project unknown to the caller (or unseen by them), InputError
   *  for contradictory arguments. */
  in(selection: ProjectSelection): CallContext;
}

export function projectCall(workspaces: Workspaces, grant: Grant, call: Omit<CallContext, "services">): ProjectCall {
  let services: Services | undefined;
  const base = { signal: call.signal, deadline: call.deadline, until: call.until, progress: call.progress };
  return {
    ...base,
    get services() {
      services ??= workspaces.select(grant);
      return services;
    },
    grant,
    workspaces,
    in: (selection) => ({ ...base, services: workspaces.select(grant, selection) }),
  };
}
