// Starts the server: read the configuration, build the server, serve it over stdio (or
// over Streamable HTTP in remote mode, whose code loads only then).
// Kept apart from the entry file so the bundle can export it to the code-cache launcher.

import "./zod-jitless.js";
import { createMcpHandler } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { loadConfig } from "./config.js";
import { wantsHttp } from "./http/mode.js";
import { buildServer, SERVER_VERSION } from "./mcp/server.js";
import { createServices } from "./workspace/create-services.js";

/** How long list pages are kept in remote mode, where many people ask the same things. */
const KEEP_PAGES_MS = 30_000;

export async function main(env: Record<string, string | undefined> = process.env, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const config = loadConfig(env, argv);
  if (wantsHttp(env, argv)) {
    // One set of services for every request of the process: one client, pacer and cache per key.
    const services = createServices(config, undefined, { keepPagesMs: KEEP_PAGES_MS });
    const { serveHttp } = await import("./http/serve.js");
    await serveHttp({ buildServer: ({ era }) => buildServer(services, era), createHandler: createMcpHandler, onResourcesAdded: (l) => services.cache.onAdded(l), log: services.log, version: SERVER_VERSION, env, argv });
    for (const warning of config.warnings) services.log("warn", warning);
    return;
  }
  const services = createServices(config);
  // One factory for both eras: the SDK reads the client's opening (an `initialize` handshake,
  // or a 2026-07-28 request carrying its version in `_meta`) and builds the instance for it.
  serveStdio(({ era }) => buildServer(services, era), { onerror: (error) => services.log("warn", `stdio: ${error.message}`) });
  // The client is gone when stdin ends: background work (the audit's stats and copy prefetch)
  // stops, so the process can exit instead of calling Batch for nobody.
  process.stdin.once("end", () => {
    services.prefetch.close();
    services.contentPrefetch.close();
  });
  for (const warning of config.warnings) services.log("warn", warning);
}
