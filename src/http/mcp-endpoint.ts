// POST /mcp, stateless, both protocol eras: the SDK's handler reads each request's era
// (a 2026-07-28 request carries its version in `_meta`; a handshake-era one does not) and
// builds a fresh server for it from the one factory, over the process's one workspace. No
// session ties a client to an instance, so any load balancer can spread requests. Progress
// upgrades a response to an SSE stream; 2026-era `subscriptions/listen` streams hear when
// listings add resources.

import type { RequestHandler } from "express";
import { toNodeHandler } from "@modelcontextprotocol/node";
import type { createMcpHandler, McpServerFactory } from "@modelcontextprotocol/server";
import type { Logger } from "../log.js";

export interface McpEndpoint {
  handle: RequestHandler;
  /** Tells open `subscriptions/listen` streams that resources/list changed. */
  resourcesChanged(): void;
  close(): Promise<void>;
}

/** The SDK's handler factory comes from the caller (src/main.ts): it must be the same copy of
 *  the SDK as the servers the factory builds, which this lazily loaded chunk does not bundle. */
export type CreateMcpHandler = typeof createMcpHandler;

export function mcpEndpoint(createHandler: CreateMcpHandler, factory: McpServerFactory, log: Logger): McpEndpoint {
  const handler = createHandler(factory, { legacy: "stateless", onerror: (error) => log("warn", `mcp: ${error.message}`) });
  const node = toNodeHandler(handler, { onerror: (error) => log("error", `mcp handler failed: ${error.message}`) });
  return {
    handle: (req, res) => void node(req, res, req.body),
    resourcesChanged: () => handler.notify.resourcesChanged(),
    close: () => handler.close(),
  };
}
