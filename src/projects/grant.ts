// Which projects a caller may see: all of them, or those named. Static tokens from the
// file and OAuth scopes `batch.project:<name>` name them; everyone else (stdio, loopback
// without authentication, BATCH_MCP_TOKENS) sees all. The grant travels on the request's
// auth info, `extra[GRANT_KEY]`, from the verifier to the tools.

export type Grant = { readonly all: true } | { readonly all: false; readonly projects: readonly string[] };

export const ALL_PROJECTS: Grant = Object.freeze({ all: true });

export function onlyProjects(names: readonly string[]): Grant {
  return Object.freeze({ all: false, projects: Object.freeze([...names]) });
}

export const PROJECT_SCOPE_PREFIX = "batch.project:";

/** A token's scopes `batch.project:<name>` limit it to those projects; with none it sees all
 *  (so require one with BATCH_MCP_OAUTH_SCOPES when every token must be limited). */
export function grantFromScopes(scopes: readonly string[]): Grant {
  const names = scopes.filter((s) => s.startsWith(PROJECT_SCOPE_PREFIX)).map((s) => s.slice(PROJECT_SCOPE_PREFIX.length));
  return names.length === 0 ? ALL_PROJECTS : onlyProjects(names.filter((n) => n !== ""));
}

/** The key of AuthInfo.extra that holds the caller's Grant. */
export const GRANT_KEY = "batchProjects";

function isGrant(value: unknown): value is Grant {
  if (typeof value !== "object" || value === null) return false;
  const { all, projects } = value as { all?: unknown; projects?: unknown };
  return all === true || (all === false && Array.isArray(projects) && projects.every((p) => typeof p === "string"));
}

/**
 * The grant of a request from its auth info (the SDK passes it to handlers as `authInfo`).
 * No auth info: nobody is checked (stdio, or `none` on loopback), so all projects. Auth info
 * without a readable grant: a verifier that did not say, so no project (fail closed).
 */
export function grantOf(authInfo: { extra?: Record<string, unknown> } | undefined): Grant {
  if (authInfo === undefined) return ALL_PROJECTS;
  const grant = authInfo.extra?.[GRANT_KEY];
  return isGrant(grant) ? grant : onlyProjects([]);
}
