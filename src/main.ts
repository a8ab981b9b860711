// Starts the server: read the configuration, build the server, serve it over stdio (or
// over Streamable HTTP in remote mode, whose code loads only then).
// Kept apart from the entry file so the bundle can export it to the code-cache launcher.

import "./zod-jitless.js";
import { createMcpHandler } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { createRedactor } from "./batch/redact.js";
import { configSecrets, loadConfig, ProjectsConfigError, type Config } from "./config.js";
import { wantsHttp } from "./http/mode.js";
import { createStderrLogger } from "./log.js";
import { buildServer, SERVER_VERSION } from "./mcp/server.js";
import { grantOf } from "./projects/index.js";
import { createServices } from "./workspace/create-services.js";

/** How long list pages are kept in remote mode, where many people ask the same things. */
const KEEP_PAGES_MS = 30_000;

/** The configuration, or undefined when BATCH_MCP_CONFIG names a file that is wrong: its
 *  sentence (file, place, problem; never a key) is on stderr and the exit code is 1. */
function configOrExit(env: Record<string, string | undefined>, argv: readonly string[]): Config | undefined {
  try {
    return loadConfig(env, argv);
  } catch (error) {
    if (!(error instanceof ProjectsConfigError)) throw error;
    process.stderr.write(`[batch-mcp] error: ${error.message}\n`);
    process.exitCode = 1;
    return undefined;
  }
}

export async function main(env: Record<string, string | undefined> = process.env, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const config = configOrExit(env, argv);
  if (!config) return;
  // Every project's keys are hidden from every log line.
  const log = createStderrLogger(createRedactor(configSecrets(config)));
  if (wantsHttp(env, argv)) {
    // One set of workspaces for every request of the process: one client, pacer and cache per project.
    const services = createServices(config, log, { keepPagesMs: KEEP_PAGES_MS });
    const { serveHttp } = await import("./http/serve.js");
    await serveHttp({
      // Each request's server answers for its caller: the projects their token may see.
      buildServer: ({ era, authInfo }) => buildServer(services, era, grantOf(authInfo)),
      createHandler: createMcpHandler,
      onResourcesAdded: (l) => services.workspaces.onAdded(l),
      log,
      version: SERVER_VERSION,
      env,
      argv,
      projectTokens: config.projects.tokens,
    });
    for (const warning of config.warnings) log("warn", warning);
    return;
  }
  const services = createServices(config, log);
  // One factory for both eras: the SDK reads the client's opening (an `initialize` handshake,
  // or a 2026-07-28 request carrying its version in `_meta`) and builds the instance for it.
  // Nobody is checked over stdio: the caller may use every project.
  serveStdio(({ era }) => buildServer(services, era), { onerror: (error) => log("warn", `stdio: ${error.message}`) });
  // The client is gone when stdin ends: background work (the audit's stats and copy prefetch) stops,
  // so the process can exit instead of calling Batch for nobody.
  process.stdin.once("end", () => services.workspaces.close());
  for (const warning of config.warnings) log("warn", warning);
}
