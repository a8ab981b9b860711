// Building CallToolResults: success with text + structured content, and errors as
// results (isError) with a sentence the user can act on. Nothing secret gets through.

import type { CallToolResult } from "@modelcontextprotocol/server";
import { BatchApiError } from "../batch/errors.js";
import { CursorError } from "../workspace/listing/cursor.js";
import { describeBatchError } from "./error-messages.js";
import { InputError } from "../workspace/input-error.js";
import { ProjectLookupError } from "../projects/index.js";
import type { Services } from "../workspace/services.js";

export type ContentBlock = CallToolResult["content"][number];

export function toolResult(text: string, structured: Record<string, unknown>, extra: ContentBlock[] = []): CallToolResult {
  return { content: [{ type: "text", text }, ...extra], structuredContent: structured };
}

export function toolError(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/** Known failures get their own sentence; anything else is logged and reported generically.
 *  Every project's keys are hidden, whichever project the call was about. */
export function errorResult(error: unknown, services: Services): CallToolResult {
  const { redact } = services.workspaces;
  if (error instanceof BatchApiError) return toolError(describeBatchError(error));
  if (error instanceof CursorError) return toolError(error.message);
  if (error instanceof InputError || error instanceof ProjectLookupError) return toolError(redact(error.message));
  const detail = redact(error instanceof Error ? (error.stack ?? error.message) : String(error));
  services.log("error", `unexpected error: ${detail}`);
  return toolError(`Unexpected internal error: ${redact(String(error))}. The server is still running; try again, and report it if it repeats.`);
}

export const SAMPLE_DATA_NOTICE =
  "Demo mode: this is sample data from a fictional workspace, not a real Batch project (unset BATCH_DEMO / drop --demo to use your own).";

/** Demo mode's notice leads every tool result, so no answer passes sample data off as real. */
export function withNotice(result: CallToolResult, services: Services): CallToolResult {
  if (!services.config.demo) return result;
  const [first, ...rest] = result.content;
  if (first?.type === "text") return { ...result, content: [{ ...first, text: `${SAMPLE_DATA_NOTICE}\n${first.text}` }, ...rest] };
  return { ...result, content: [{ type: "text", text: SAMPLE_DATA_NOTICE }, ...result.content] };
}
