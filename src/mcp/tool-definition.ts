// What every tool file exports, and how the registry turns it into an MCP tool. The
// contracts every tool keeps (annotations, progress, errors as results, demo notice) live here once.

import type { CallToolResult, ServerContext } from "@modelcontextprotocol/server";
import type { Speaker } from "./speaker.js";
import { z } from "zod";
import { asDeadlineError, deadlineIn, untilDeadline, type Deadline } from "../batch/deadline.js";
import { errorResult, withNotice } from "./results.js";
import type { Services } from "./services.js";
import { appToolMeta, type ViewName } from "./views/ui.js";

export interface ToolContext {
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

export interface ToolDefinition<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  /** The MCP Apps view hosts that support them render the result in; others ignore it. */
  ui?: ViewName;
  handler(args: z.infer<z.ZodObject<I>>, ctx: ToolContext): Promise<CallToolResult>;
}

export interface RegisterableTool {
  readonly name: string;
  register(speaker: Speaker, services: Services): void;
}

type Extra = ServerContext;

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
    register({ server }, services) {
      // The SDK's generics cannot follow ours through a generic shape; widen here, once.
      // The handler still gets exactly what this schema parsed.
      const inputSchema: z.ZodObject<z.ZodRawShape> = z.object(definition.input);
      const outputSchema: z.ZodObject<z.ZodRawShape> = z.object(definition.output);
      const config = {
        title: definition.title,
        description: definition.description,
        inputSchema,
        outputSchema,
        annotations: { title: definition.title, readOnlyHint: true, openWorldHint: true },
        ...(definition.ui && { _meta: appToolMeta(definition.ui) }),
      };
      server.registerTool(definition.name, config, async (args, extra) => {
        const deadline = deadlineIn(services.config.timeBudgetMs);
        const ctx: ToolContext = {
          services,
          signal: extra.mcpReq.signal,
          deadline,
          until: untilDeadline(extra.mcpReq.signal, deadline),
          progress: progressSender(extra),
        };
        let result: CallToolResult;
        try {
          result = await definition.handler(args as z.infer<z.ZodObject<I>>, ctx);
        } catch (error) {
          result = errorResult(asDeadlineError(error, deadline, extra.mcpReq.signal), services);
        }
        return withNotice(result, services);
      });
    },
  };
}
