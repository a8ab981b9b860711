// The response budget: what a client shows the model of one result (its text and its
// resource links) must stay under BATCH_MCP_MAX_RESULT_CHARS. Claude Code refuses results
// over 25,000 tokens and files away those over 50,000 characters; 40,000 keeps clear of both.

import type { CallToolResult } from "@modelcontextprotocol/server";

/** Characters a client shows the model: every text block, and each link's fields. */
export function shownChars(content: CallToolResult["content"]): number {
  let total = 0;
  for (const block of content) {
    if (block.type === "text") total += block.text.length;
    else if (block.type === "resource_link") total += block.uri.length + block.name.length + (block.title?.length ?? 0) + (block.description?.length ?? 0);
  }
  return total;
}

/** Longer lines are cut: one item with a huge name or query must not eat the budget. */
export const MAX_LINE_CHARS = 600;
