// "No such resource": -32602 with the URI as its only data, which is what 2026-07-28
// requires and what SDK v2 sends in every era (v1 clients read it as an invalid-params error
// naming the URI; this server used to send -32002, MCP's draft code, which v2 rewrites).

import { ResourceNotFoundError } from "@modelcontextprotocol/server";

export function resourceNotFound(uri: string, message: string): ResourceNotFoundError {
  return new ResourceNotFoundError(uri, message);
}
