// Starts the server: read the configuration, build the server, serve it over stdio.
// Kept apart from the entry file so the bundle can export it to the code-cache launcher.

import "./zod-jitless.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { loadConfig } from "./config.js";
import { buildServer, createServices } from "./mcp/server.js";

export async function main(env: Record<string, string | undefined> = process.env, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const config = loadConfig(env, argv);
  const services = createServices(config);
  const server = buildServer(services);
  await server.connect(new StdioServerTransport());
  for (const warning of config.warnings) services.log("warn", warning);
}
