// The Express application of remote mode, in the order a request meets it: logged, health
// answered, Host and Origin checked, metadata served, token checked, then MCP. Whatever
// else comes is a JSON 404, and every error a JSON answer (json-errors.ts).

import express, { type Express } from "express";
import type { Logger } from "../log.js";
import type { AuthLayer } from "./auth.js";
import { hostChecks } from "./hosts.js";
import { errorHandler, methodNotAllowed, notFound } from "./json-errors.js";
import type { McpEndpoint } from "./mcp-endpoint.js";
import { requestLog } from "./request-log.js";
import type { HttpSettings } from "./settings.js";

export interface AppParts {
  settings: HttpSettings;
  auth: AuthLayer;
  mcp: McpEndpoint;
  log: Logger;
  version: string;
}

/** The largest request body read; a larger one is answered 413 before the MCP layer sees it. */
const BODY_LIMIT = "1mb";
const BODY_LIMIT_TEXT = "1 MB";

/** Without sessions there is no stream to open with GET, nor a session to DELETE. */
const MCP_POST_ONLY = methodNotAllowed("POST", "Method not allowed: this server is stateless; POST to /mcp.");

export function createApp({ settings, auth, mcp, log, version }: AppParts): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(requestLog(log));
  // Before the Host check: a load balancer probes by address. It says nothing secret.
  app.get("/healthz", (_req, res) => void res.json({ status: "ok", server: "batch-mcp", version }));
  app.all("/healthz", methodNotAllowed("GET, HEAD", "Method not allowed: GET /healthz."));
  app.use(...hostChecks(settings.allowedHosts));
  app.use(auth.metadata);
  const guard = auth.guard ? [auth.guard] : [];
  // Any content type is read as JSON, so no body skips the limit; the transport still
  // answers a content type other than JSON with its 415.
  app.post("/mcp", ...guard, express.json({ limit: BODY_LIMIT, type: () => true }), mcp.handle);
  app.all("/mcp", ...guard, MCP_POST_ONLY);
  app.use(notFound);
  app.use(errorHandler(log, BODY_LIMIT_TEXT));
  return app;
}
