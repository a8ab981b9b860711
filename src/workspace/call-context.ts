// What one call may spend: the client's cancellation and the call's time budget, with a
// way to report progress. The MCP layer builds it for each tool call (its ToolContext);
// the work in this room that pages Batch or fetches stats takes it as it is.

import type { Deadline } from "../batch/deadline.js";
import type { Services } from "./services.js";

export interface CallContext {
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
