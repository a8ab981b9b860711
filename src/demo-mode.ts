// Demo mode (BATCH_DEMO=1 or --demo): the client talks to the sample workspace, served
// in-process by the fake Batch server on 127.0.0.1 with a random port. The fake and its
// data are imported on the first request, so start-up is as fast as in normal mode.

import { undiciTransport, type Transport } from "./batch/transport.js";
import type { Config } from "./config.js";
import { DEMO_KEYS } from "./fake-batch/demo-keys.js";
import { DEMO_PROJECTS } from "./fake-batch/demo-projects.js";
import type { ProjectsConfig } from "./projects/index.js";

/** Never contacted: the demo transport sends every request to the local fake instead. */
const DEMO_BASE_URL = "http://sample-workspace.invalid";

/** Fernwood Market (iOS, Android) and Fernwood Germany (Web); the first is the default.
 *  The user's own projects and tokens (BATCH_MCP_CONFIG) are dropped with their keys. */
export const DEMO_PROJECTS_CONFIG: ProjectsConfig = {
  projects: DEMO_PROJECTS.map((p) => ({ ...p, restApiKey: DEMO_KEYS.restKey })),
  defaultProject: DEMO_PROJECTS[0].name,
  tokens: [],
};

/** The user's own keys and base URL are dropped, so demo mode can never reach Batch. */
export function demoConfig(config: Config): Config {
  return {
    ...config,
    restApiKey: DEMO_KEYS.restKey,
    projectKey: DEMO_KEYS.projectKey,
    apiKey: DEMO_KEYS.apiKey,
    projects: DEMO_PROJECTS_CONFIG,
    namedProjects: true,
    baseUrl: DEMO_BASE_URL,
    // A local server needs no pacing.
    rateLimit: 0,
  };
}

async function startSampleWorkspace(): Promise<string> {
  const { startFakeBatch, demoOptions } = await import("./fake-batch/index.js");
  const fake = await startFakeBatch(demoOptions());
  // stdin ending means the client went away; the listening socket must not keep us alive.
  process.stdin.once("end", () => void fake.close());
  return fake.url;
}

/** Sends each request to the sample workspace, started on the first one. */
export function demoTransport(next: Transport = undiciTransport): Transport {
  let origin: Promise<string> | undefined;
  return async (request) => {
    origin ??= startSampleWorkspace().catch((error: unknown) => {
      origin = undefined; // let the next call try again
      throw error;
    });
    const url = new URL(request.url);
    return next({ ...request, url: `${await origin}${url.pathname}${url.search}` });
  };
}
