// Without BATCH_MCP_CONFIG, the environment variables make one project with one app, both
// called "default". Missing keys stay undefined: the server starts all the same, and a call
// that needs one names the variable to set (DESIGN.md).

import type { Env, ProjectsConfig } from "./types.js";

export const ENV_PROJECT_NAME = "default";
export const ENV_APP_NAME = "default";

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function projectsFromEnv(env: Env): ProjectsConfig {
  const project = {
    name: ENV_PROJECT_NAME,
    projectKey: text(env, "BATCH_PROJECT_KEY"),
    restApiKey: text(env, "BATCH_REST_API_KEY"),
    apps: [{ name: ENV_APP_NAME, apiKey: text(env, "BATCH_API_KEY") }],
  };
  return { projects: [project], defaultProject: ENV_PROJECT_NAME, tokens: [] };
}
