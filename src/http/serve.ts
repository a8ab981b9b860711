// Remote mode's entry (loaded only when asked for, as its own chunk): serve MCP over
// Streamable HTTP until SIGTERM, then stop accepting, let requests in flight finish for
// at most 10 s, and exit 0. stdin is not read: a service has none worth watching.

import { createServer, type Server } from "node:http";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Logger } from "../log.js";
import type { ProjectToken } from "../projects/index.js";
import { createApp } from "./app.js";
import { authLayer } from "./auth.js";
import { loadHttpSettings } from "./settings.js";

const DRAIN_MS = 10_000;

export interface HttpDeps {
  /** A fresh server over the process's shared services (passed in, so this chunk does not
   *  bundle a second copy of the tools). */
  buildServer: () => McpServer;
  log: Logger;
  version: string;
  env: Record<string, string | undefined>;
  argv: readonly string[];
  /** BATCH_MCP_CONFIG's tokens (config.projects.tokens), accepted in `tokens` mode. */
  projectTokens?: readonly ProjectToken[];
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function stopOnSignals(server: Server, log: Logger): void {
  const stop = (signal: string) => {
    log("info", `${signal}: no new requests; waiting up to ${DRAIN_MS / 1000} s for those in flight`);
    server.close(() => process.exit(0));
    // A keep-alive connection whose request has just finished would hold close() up.
    setInterval(() => server.closeIdleConnections(), 50).unref();
    setTimeout(() => {
      log("warn", "requests still running after the drain delay were cut short");
      server.closeAllConnections();
      process.exit(0);
    }, DRAIN_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

export async function serveHttp({ buildServer, log, version, env, argv, projectTokens }: HttpDeps): Promise<void> {
  const settings = loadHttpSettings(env, argv, projectTokens);
  const auth = await authLayer(settings, log);
  const httpServer = createServer(createApp({ settings, auth, buildServer, log, version }));
  await listen(httpServer, settings.port, settings.host);
  stopOnSignals(httpServer, log);
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  log("info", `serving MCP over Streamable HTTP at http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}/mcp (auth: ${settings.auth})`);
}
