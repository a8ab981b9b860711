// Several projects and apps in one server (BATCH_MCP_CONFIG), and who may see which.
// Below src/workspace and src/mcp; imports nothing from src/batch, src/mcp or src/http.

export type { AppConfig, Env, ProjectConfig, ProjectsConfig, ProjectToken } from "./types.js";
export { findApp, findProject, nameKey, quoted, sameName, secretsOf } from "./names.js";
export { parseProjectsConfig, ProjectsConfigError } from "./parse.js";
export { loadProjectsFile, readableByOthers, type LoadedProjects } from "./file.js";
export { ENV_APP_NAME, ENV_PROJECT_NAME, projectsFromEnv } from "./from-env.js";
export { ALL_PROJECTS, GRANT_KEY, grantFromScopes, grantOf, onlyProjects, PROJECT_SCOPE_PREFIX, type Grant } from "./grant.js";
export { canSee, projectChoices, ProjectLookupError, resolveApps, resolveProject, visibleProjects, type LookupFailure } from "./visibility.js";
