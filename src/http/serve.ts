// Remote mode's entry (loaded only when asked for, as its own chunk): serve MCP over
// Streamable HTTP until SIGTERM, then stop accepting, let requests in flight finish for
// at most 10 s, and exit 0. stdin is not read: a service has none worth watching.
// A client gets a few seconds to send its headers and its whole request, however slowly it
// trickles them in, so slow clients cannot hold connections open (Node answers them 408).

import { createServer, type RequestListener, type Server } from "node:http";
import type { McpServerFactory } from "@modelcontextprotocol/server";
import type { Logger } from "../log.js";
import type { ProjectToken } from "../projects/index.js";
import { createApp } from "./app.js";
import { mcpEndpoint, type CreateMcpHandler } from "./mcp-endpoint.js";
import { authLayer } from "./auth.js";
import { loadHttpSettings } from "./settings.js";

const DRAIN_MS = 10_000;
/** One listing caches thousands of items: one notification for them, after the call answers. */
const LIST_CHANGED_DEBOUNCE_MS = 100;

function debounced(run: () => void, delayMs: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, delayMs);
    timer.unref();
  };
}

export interface Timeouts {
  /** From a request's first byte to the end of its headers. */
  headersTimeout: number;
  /** From a request's first byte to the end of its body (1 MB at most); answering takes as long as the call needs. */
  requestTimeout: number;
  /** How long an idle connection is kept for the next request: longer than load balancers' usual 60 s, so that none reuses a connection this server is closing. */
  keepAliveTimeout: number;
  /** How often Node looks for requests past the first two limits (its default, 30 s, would let them run 30 s over). */
  connectionsCheckingInterval: number;
}

export const TIMEOUTS: Timeouts = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 65_000, connectionsCheckingInterval: 1_000 };

export function httpServer(listener: RequestListener, timeouts: Timeouts = TIMEOUTS): Server {
  return createServer(timeouts, listener);
}

export interface HttpDeps {
  /** A fresh server over the process's shared services (passed in, so this chunk does not
   *  bundle a second copy of the tools). */
  buildServer: McpServerFactory;
  /** The SDK's createMcpHandler, from the bundle that built the servers (see mcp-endpoint.ts). */
  createHandler: CreateMcpHandler;
  /** Subscribes to "resources were added" (debounced by the caller); returns how to stop. */
  onResourcesAdded?: (listener: () => void) => () => void;
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

export async function serveHttp({ buildServer, createHandler, onResourcesAdded, log, version, env, argv, projectTokens }: HttpDeps): Promise<void> {
  const settings = loadHttpSettings(env, argv, projectTokens);
  const auth = await authLayer(settings, log);
  const mcp = mcpEndpoint(createHandler, buildServer, log);
  onResourcesAdded?.(debounced(() => mcp.resourcesChanged(), LIST_CHANGED_DEBOUNCE_MS));
  const server = httpServer(createApp({ settings, auth, mcp, log, version }));
  await listen(server, settings.port, settings.host);
  stopOnSignals(server, log);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  log("info", `serving MCP over Streamable HTTP at http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}/mcp (auth: ${settings.auth})`);
}
