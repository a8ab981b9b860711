// POST /mcp, stateless, both protocol eras: the SDK's handler reads each request's era
// (a 2026-07-28 request carries its version in `_meta`; a handshake-era one does not) and
// builds a fresh server for it from the one factory, over the process's one workspace. No
// session ties a client to an instance, so any load balancer can spread requests. Progress
// upgrades a response to an SSE stream; 2026-era `subscriptions/listen` streams hear when
// listings add resources.

import type { RequestHandler } from "express";
import { toNodeHandler } from "@modelcontextprotocol/node";
import { createMcpHandler, type McpServerFactory } from "@modelcontextprotocol/server";
import type { Logger } from "../log.js";

export interface McpEndpoint {
  handle: RequestHandler;
  /** Tells open `subscriptions/listen` streams that resources/list changed. */
  resourcesChanged(): void;
  close(): Promise<void>;
}

/** The protocol server under an McpServer, for the handler to drive.
 *  Remote mode is its own bundle chunk (dist/chunks/http.cjs), so createMcpHandler here comes
 *  from a second copy of the SDK: its `product instanceof McpServer` is false for the McpServer
 *  the main bundle's factory builds, and the 2026-07-28 leg then drove that McpServer as if it
 *  were a protocol Server (no getCapabilities): every modern request answered 500 -32603. The
 *  protocol Server is what the handler needs in both eras; McpServer's only extras there, x-mcp
 *  header checks and scope challenges, this server does not use (tokens are checked earlier). */
function protocolServer(factory: McpServerFactory): McpServerFactory {
  return async (ctx) => {
    const product = await factory(ctx);
    return "server" in product ? product.server : product;
  };
}

export function mcpEndpoint(factory: McpServerFactory, log: Logger): McpEndpoint {
  const handler = createMcpHandler(protocolServer(factory), { legacy: "stateless", onerror: (error) => log("warn", `mcp: ${error.message}`) });
  const node = toNodeHandler(handler, { onerror: (error) => log("error", `mcp handler failed: ${error.message}`) });
  return {
    handle: (req, res) => void node(req, res, req.body),
    resourcesChanged: () => handler.notify.resourcesChanged(),
    close: () => handler.close(),
  };
}

/** Without sessions there is no stream to open with GET, nor a session to DELETE. */
export const methodNotAllowed: RequestHandler = (_req, res) => {
  res.status(405).set("Allow", "POST").json({ jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this server is stateless; POST to /mcp." }, id: null });
};
