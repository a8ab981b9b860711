// The Express application of remote mode, in the order a request meets it: logged, health
// answered, Host and Origin checked, metadata served, token checked, then MCP.

import express, { type ErrorRequestHandler, type Express } from "express";
import type { Logger } from "../log.js";
import type { AuthLayer } from "./auth.js";
import { hostChecks } from "./hosts.js";
import { methodNotAllowed, type McpEndpoint } from "./mcp-endpoint.js";
import { requestLog } from "./request-log.js";
import type { HttpSettings } from "./settings.js";

export interface AppParts {
  settings: HttpSettings;
  auth: AuthLayer;
  mcp: McpEndpoint;
  log: Logger;
  version: string;
}

// Express's default handler would answer HTML with a stack trace; clients expect JSON-RPC.
function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 500;
    if (status >= 500) log("error", `request failed: ${error instanceof Error ? error.message : String(error)}`);
    if (res.headersSent) return void res.end();
    res.status(status).json({ jsonrpc: "2.0", error: { code: status >= 500 ? -32603 : -32700, message: status >= 500 ? "Internal error" : "Bad request" }, id: null });
  };
}

export function createApp({ settings, auth, mcp, log, version }: AppParts): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(requestLog(log));
  // Before the Host check: a load balancer probes by address. It says nothing secret.
  app.get("/healthz", (_req, res) => void res.json({ status: "ok", server: "batch-mcp", version }));
  app.use(...hostChecks(settings.allowedHosts));
  if (auth.metadata) app.use(auth.metadata);
  const guard = auth.guard ? [auth.guard] : [];
  app.post("/mcp", ...guard, express.json({ limit: "1mb" }), mcp.handle);
  app.all("/mcp", ...guard, methodNotAllowed);
  app.use(errorHandler(log));
  return app;
}
