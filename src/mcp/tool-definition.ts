// What every tool file exports, and how the registry turns it into an MCP tool. The
// contracts every tool keeps (annotations, progress, errors as results, demo notice) live here once.

import type { CallToolResult, ServerContext } from "@modelcontextprotocol/server";
import type { Speaker } from "./speaker.js";
import { z } from "zod";
import { asDeadlineError, deadlineIn, untilDeadline } from "../batch/deadline.js";
import type { Config } from "../config.js";
import { projectCall, type ProjectCall } from "../workspace/call-context.js";
import { answered, askWhich, canAsk, pickedId, withPicked } from "./ask-which.js";
import { RefError } from "../workspace/input-error.js";
import { errorResult, withNotice } from "./results.js";
import type { Services } from "../workspace/services.js";
import { appToolMeta, type ViewName } from "./views/ui.js";

/** What a handler gets: the call's cancellation, time budget and progress, and the caller's
 *  grant: `services` is the workspace of the project they get by default, `in(...)` that of
 *  the project they name. */
export type ToolContext = ProjectCall;

export interface ToolDefinition<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  /** The MCP Apps view hosts that support them render the result in; others ignore it. */
  ui?: ViewName;
  /** Offered only when this holds (default: always). */
  offered?(config: Config): boolean;
  /** False for a tool that asks nothing of Batch (default true: every other tool reads Batch). */
  openWorld?: false;
  handler(args: z.infer<z.ZodObject<I>>, ctx: ToolContext): Promise<CallToolResult>;
}

export interface RegisterableTool {
  readonly name: string;
  register(speaker: Speaker, services: Services): void;
}

type Extra = ServerContext;

/** Ambiguous handles settled by asking, in one call, before the error stands. */
const MAX_PICKS = 10;

function progressSender(extra: Extra): ToolContext["progress"] {
  const token = extra.mcpReq._meta?.progressToken;
  if (token === undefined) return async () => {};
  return async (progress, total, message) => {
    await extra.mcpReq.notify({
      method: "notifications/progress",
      params: { progressToken: token, progress, ...(total !== undefined && { total }), message },
    });
  };
}

export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(
  definition: ToolDefinition<I, O>,
): ToolDefinition<I, O> & RegisterableTool {
  return {
    ...definition,
    register({ server, grant }, services) {
      if (definition.offered && !definition.offered(services.config)) return;
      // The SDK's generics cannot follow ours through a generic shape; widen here, once.
      // The handler still gets exactly what this schema parsed.
      const inputSchema: z.ZodObject<z.ZodRawShape> = z.object(definition.input);
      const outputSchema: z.ZodObject<z.ZodRawShape> = z.object(definition.output);
      const config = {
        title: definition.title,
        description: definition.description,
        inputSchema,
        outputSchema,
        annotations: { title: definition.title, readOnlyHint: true, openWorldHint: definition.openWorld ?? true },
        ...(definition.ui && { _meta: appToolMeta(definition.ui) }),
      };
      server.registerTool(definition.name, config, async (args, extra) => {
        const deadline = deadlineIn(services.config.timeBudgetMs);
        const ctx = projectCall(services.workspaces, grant, {
          signal: extra.mcpReq.signal,
          deadline,
          until: untilDeadline(extra.mcpReq.signal, deadline),
          progress: progressSender(extra),
        });
        let callArgs = args as z.infer<z.ZodObject<I>>;
        // Each round settles one ambiguous handle with the person's pick (compare may hold several).
        for (let round = 0; ; round++) {
          try {
            return withNotice(await definition.handler(callArgs, ctx), services);
          } catch (error) {
            const ambiguity = error instanceof RefError && round < MAX_PICKS ? error.ambiguity : undefined;
            const picked = ambiguity && pickedId(extra.mcpReq.inputResponses, ambiguity);
            if (ambiguity && picked) {
              callArgs = withPicked(callArgs, ambiguity.input, picked);
              continue;
            }
            // Deprecated for reading the envelope, still right for a handshake-era connection.
            const ask = ambiguity && !answered(extra.mcpReq.inputResponses, ambiguity) && canAsk(extra, server.server.getClientCapabilities());
            if (ask) return askWhich(ambiguity);
            return withNotice(errorResult(asDeadlineError(error, deadline, extra.mcpReq.signal), services), services);
          }
        }
      });
    },
  };
}
