// POST /mcp, stateless: each request gets a fresh McpServer and transport over the
// process's one set of services, so no session ties a client to an instance and any load
// balancer can spread requests. Responses stream as SSE, so progress reaches the client.

import type { Request, RequestHandler, Response } from "express";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

export function mcpEndpoint(buildServer: () => McpServer): RequestHandler {
  return async (req: Request, res: Response) => {
    const server = buildServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    // The client going away cancels the request's work (its abort signal reaches Batch calls).
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  };
}

/** Without sessions there is no stream to open with GET, nor a session to DELETE. */
export const methodNotAllowed: RequestHandler = (_req, res) => {
  res.status(405).set("Allow", "POST").json({ jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this server is stateless; POST to /mcp." }, id: null });
};
