// Environment -> validated configuration. Missing keys are allowed here: the server must
// still start and list its tools; a tool that needs a missing key reports it by name.
// The one exception is BATCH_MCP_CONFIG: a file that is named but wrong throws
// ProjectsConfigError, and the server must not start (its sentence on stderr, exit code 1).

import { loadProjectsFile, projectsFromEnv, ProjectsConfigError, secretsOf, type ProjectsConfig } from "./projects/index.js";

export { ProjectsConfigError };

export interface Config {
  /** The default project's REST key, project key and first app's API key: what a
   *  single-project caller uses (from the environment, or the file's default project). */
  restApiKey: string | undefined;
  projectKey: string | undefined;
  apiKey: string | undefined;
  /** Every project and app this server answers for (the file's, or one made of the environment). */
  projects: ProjectsConfig;
  /** True when projects have names people choose from (BATCH_MCP_CONFIG, or demo mode): the
   *  server then offers list_projects, per-project URIs and the audit's project argument. */
  namedProjects: boolean;
  baseUrl: string;
  apiVersion: string;
  /** 2.x requests per second per project key; 0 turns pacing off. */
  rateLimit: number;
  /** Per-request timeout, milliseconds. */
  timeoutMs: number;
  /** First retry delay, milliseconds; later retries double it (with jitter). */
  retryBaseDelayMs: number;
  inappRateLimitWaitMs: number;
  /** How many in-app list pages may be fetched at once. */
  inappConcurrency: number;
  demo: boolean;
  /** Most characters of text plus resource links in one result (Claude Code files away results over 50,000). */
  maxResultChars: number;
  /** Every call answers within this many milliseconds (the SDK client's default timeout is 60 s). */
  timeBudgetMs: number;
  /** Invalid settings that fell back to their defaults; shown in every tool result. */
  warnings: string[];
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

// A bad value must not stop the server from starting (the user would only see "server
// disconnected"): it falls back to the default and the warning reaches every tool result.
function number(env: Env, warnings: string[], name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (Number.isFinite(value) && value >= min && value <= max) return value;
  warnings.push(`${name}="${raw}" is not a number between ${min} and ${max}; using ${fallback}.`);
  return fallback;
}

const DEFAULT_BASE_URL = "https://api.batch.com";

function baseUrl(env: Env, warnings: string[]): string {
  const raw = text(env, "BATCH_API_BASE_URL");
  if (raw === undefined) return DEFAULT_BASE_URL;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url && (url.protocol === "https:" || url.protocol === "http:")) {
    return url.origin + url.pathname.replace(/\/+$/, "");
  }
  warnings.push(`BATCH_API_BASE_URL="${raw}" is not an http(s) URL; using ${DEFAULT_BASE_URL}.`);
  return DEFAULT_BASE_URL;
}

function flag(env: Env, name: string): boolean {
  const raw = text(env, name)?.toLowerCase();
  return raw !== undefined && raw !== "0" && raw !== "false" && raw !== "no";
}

/** With BATCH_MCP_CONFIG the file names the projects (BATCH_REST_API_KEY remains their REST
 *  key's fallback); without it the environment makes one project, "default". */
function projects(env: Env, warnings: string[]): ProjectsConfig {
  const file = text(env, "BATCH_MCP_CONFIG");
  if (file === undefined) return projectsFromEnv(env);
  const loaded = loadProjectsFile(file, env);
  warnings.push(...loaded.warnings);
  for (const ignored of ["BATCH_PROJECT_KEY", "BATCH_API_KEY"]) {
    if (text(env, ignored) !== undefined) warnings.push(`${ignored} is ignored: BATCH_MCP_CONFIG names the projects and their apps.`);
  }
  return loaded.config;
}

/** The keys a caller that names no project or app uses: the default project's, its first app's. */
function defaultKeys(config: ProjectsConfig): Pick<Config, "restApiKey" | "projectKey" | "apiKey"> {
  const project = config.projects.find((p) => p.name === config.defaultProject);
  return { restApiKey: project?.restApiKey, projectKey: project?.projectKey, apiKey: project?.apps[0]?.apiKey };
}

/** Throws ProjectsConfigError when BATCH_MCP_CONFIG names a file that is unreadable or wrong. */
export function loadConfig(env: Env = process.env, argv: readonly string[] = []): Config {
  const warnings: string[] = [];
  const projectsConfig = projects(env, warnings);
  return {
    ...defaultKeys(projectsConfig),
    projects: projectsConfig,
    namedProjects: text(env, "BATCH_MCP_CONFIG") !== undefined,
    baseUrl: baseUrl(env, warnings),
    apiVersion: text(env, "BATCH_API_VERSION") ?? "2.10",
    rateLimit: number(env, warnings, "BATCH_RATE_LIMIT", 1, 0, 1000),
    timeoutMs: number(env, warnings, "BATCH_TIMEOUT_MS", 20_000, 100, 300_000),
    retryBaseDelayMs: number(env, warnings, "BATCH_RETRY_BASE_DELAY_MS", 500, 0, 60_000),
    inappRateLimitWaitMs: number(env, warnings, "BATCH_INAPP_RATE_LIMIT_WAIT_MS", 5_000, 0, 60_000),
    inappConcurrency: number(env, warnings, "BATCH_INAPP_CONCURRENCY", 4, 1, 16),
    demo: flag(env, "BATCH_DEMO") || argv.includes("--demo"),
    maxResultChars: number(env, warnings, "BATCH_MCP_MAX_RESULT_CHARS", 40_000, 5_000, 1_000_000),
    timeBudgetMs: number(env, warnings, "BATCH_MCP_TIME_BUDGET_MS", 45_000, 100, 3_600_000),
    warnings,
  };
}

/** Every key that must never appear in output or logs: each project's REST key and app API keys. */
export function configSecrets(config: Config): string[] {
  return [...secretsOf(config.projects), ...[config.restApiKey, config.apiKey].filter((s): s is string => s !== undefined)];
}
