// Starts the server: read the configuration, build the server, serve it over stdio (or
// over Streamable HTTP in remote mode, whose code loads only then).
// Kept apart from the entry file so the bundle can export it to the code-cache launcher.

import "./zod-jitless.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
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
    await serveHttp({ buildServer: () => buildServer(services), log: services.log, version: SERVER_VERSION, env, argv });
    for (const warning of config.warnings) services.log("warn", warning);
    return;
  }
  const services = createServices(config);
  const server = buildServer(services);
  await server.connect(new StdioServerTransport());
  // The client is gone when stdin ends: background work (the audit's stats prefetch) stops,
  // so the process can exit instead of calling Batch for nobody.
  process.stdin.once("end", () => services.prefetch.close());
  for (const warning of config.warnings) services.log("warn", warning);
}
