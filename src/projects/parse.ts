// BATCH_MCP_CONFIG's JSON -> a checked ProjectsConfig. Every mistake throws one
// ProjectsConfigError whose sentence names the file, the JSON path and what is wrong. A
// value is never quoted back: any of them may be a secret (even a misplaced one).

import { nameKey, quoted } from "./names.js";
import type { AppConfig, Env, ProjectConfig, ProjectsConfig, ProjectToken } from "./types.js";

/** The configuration file is unusable; the message is the sentence to show, as is. */
export class ProjectsConfigError extends Error {
  override readonly name = "ProjectsConfigError";
  constructor(
    readonly file: string,
    /** The JSON path of the mistake ("projects[1].apps[0].api_key"), when it has one. */
    readonly path: string | undefined,
    problem: string,
  ) {
    super(`BATCH_MCP_CONFIG file ${file}: ${path === undefined ? "" : `${path} `}${problem}`);
  }
}

type Json = Record<string, unknown>;

/** Where the reader is: the file, for the error, and the environment, for `{ "env": … }`. */
interface Ctx {
  file: string;
  env: Env;
}

const FIELDS = {
  top: ["projects", "default_project", "tokens"],
  project: ["name", "project_key", "rest_api_key", "apps"],
  app: ["name", "api_key"],
  token: ["sha256", "projects"],
} as const;

function fail(ctx: Ctx, path: string | undefined, problem: string): never {
  throw new ProjectsConfigError(ctx.file, path, problem);
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object with only the known fields: a misspelt one would otherwise be ignored quietly. */
function object(ctx: Ctx, path: string, value: unknown, fields: readonly string[]): Json {
  if (!isObject(value)) fail(ctx, path, "must be an object.");
  const unknown = Object.keys(value).find((k) => !fields.includes(k));
  if (unknown !== undefined) fail(ctx, path, `has a field ${quoted(unknown)} this server does not know (known: ${fields.join(", ")}).`);
  return value;
}

function array(ctx: Ctx, path: string, value: unknown, nonEmpty: boolean): unknown[] {
  if (value === undefined) fail(ctx, path, "is missing.");
  if (!Array.isArray(value)) fail(ctx, path, "must be an array.");
  if (nonEmpty && value.length === 0) fail(ctx, path, "must not be empty.");
  return value;
}

const CONTROL = /[\p{Cc}\p{Cf}]/u;
const MAX_NAME = 100;

/** A name as people say it: not empty, one line, at most 100 characters. */
function name(ctx: Ctx, path: string, value: unknown): string {
  if (value === undefined) fail(ctx, path, "is missing.");
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "" || text.length > MAX_NAME || CONTROL.test(text)) {
    fail(ctx, path, `must be a name: a string of 1 to ${MAX_NAME} characters on one line.`);
  }
  return text;
}

/** A key written as its value or as `{ "env": "VARIABLE" }`; undefined when absent. */
function secret(ctx: Ctx, path: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value.trim() || fail(ctx, path, "is empty.");
  if (isObject(value) && Object.keys(value).length === 1 && typeof value.env === "string" && value.env.trim() !== "") {
    const variable = value.env.trim();
    return ctx.env[variable]?.trim() || fail(ctx, path, `names the environment variable ${variable}, which is not set.`);
  }
  return fail(ctx, path, 'must be a string or { "env": "VARIABLE" }.');
}

function required(ctx: Ctx, path: string, value: string | undefined): string {
  return value ?? fail(ctx, path, "is missing.");
}

/** Fails on the first name that repeats one before it (in nameKey form). */
function unique(ctx: Ctx, what: string, names: readonly string[], pathOf: (i: number) => string): void {
  const seen = new Map<string, number>();
  for (const [i, n] of names.entries()) {
    const first = seen.get(nameKey(n));
    if (first !== undefined) {
      fail(ctx, pathOf(i), `repeats the ${what} name ${quoted(n)} of ${pathOf(first)} (names are compared ignoring case, spaces and hyphens alike).`);
    }
    seen.set(nameKey(n), i);
  }
}

function app(ctx: Ctx, path: string, value: unknown): AppConfig {
  const raw = object(ctx, path, value, FIELDS.app);
  return { name: name(ctx, `${path}.name`, raw.name), apiKey: required(ctx, `${path}.api_key`, secret(ctx, `${path}.api_key`, raw.api_key)) };
}

function project(ctx: Ctx, path: string, value: unknown): ProjectConfig {
  const raw = object(ctx, path, value, FIELDS.project);
  const projectName = name(ctx, `${path}.name`, raw.name);
  const projectKey = required(ctx, `${path}.project_key`, secret(ctx, `${path}.project_key`, raw.project_key));
  const restApiKey =
    secret(ctx, `${path}.rest_api_key`, raw.rest_api_key) ??
    (ctx.env.BATCH_REST_API_KEY?.trim() || fail(ctx, `${path}.rest_api_key`, "is missing, and BATCH_REST_API_KEY (its fallback) is not set."));
  const apps = raw.apps === undefined ? [] : array(ctx, `${path}.apps`, raw.apps, false).map((a, i) => app(ctx, `${path}.apps[${i}]`, a));
  unique(ctx, "app", apps.map((a) => a.name), (i) => `${path}.apps[${i}].name`);
  return { name: projectName, projectKey, restApiKey, apps };
}

const HASH = /^(?:sha256:)?([0-9a-f]{64})$/i;

function token(ctx: Ctx, path: string, value: unknown, projects: readonly ProjectConfig[]): ProjectToken {
  const raw = object(ctx, path, value, FIELDS.token);
  if (raw.sha256 === undefined) fail(ctx, `${path}.sha256`, "is missing.");
  const hash = typeof raw.sha256 === "string" ? HASH.exec(raw.sha256.trim())?.[1] : undefined;
  if (hash === undefined) fail(ctx, `${path}.sha256`, "must be the token's SHA-256: 64 hexadecimal digits (printf %s \"$TOKEN\" | sha256sum).");
  const names = array(ctx, `${path}.projects`, raw.projects, true).map((n, i) => {
    const given = name(ctx, `${path}.projects[${i}]`, n);
    if (!projects.some((p) => nameKey(p.name) === nameKey(given))) {
      fail(ctx, `${path}.projects[${i}]`, `names no configured project: ${quoted(given)} (projects: ${projects.map((p) => p.name).join(", ")}).`);
    }
    return given;
  });
  return { sha256: hash.toLowerCase(), projects: names };
}

function defaultProject(ctx: Ctx, value: unknown, projects: readonly ProjectConfig[]): string {
  const [only] = projects;
  if (value === undefined && only && projects.length === 1) return only.name;
  if (value === undefined) fail(ctx, "default_project", "is missing: with several projects, say which one a call that names none is about.");
  const given = name(ctx, "default_project", value);
  const found = projects.find((p) => nameKey(p.name) === nameKey(given));
  return found?.name ?? fail(ctx, "default_project", `names no configured project: ${quoted(given)} (projects: ${projects.map((p) => p.name).join(", ")}).`);
}

/** Where in the text JSON.parse stopped, as "line L, column C" (its own message may quote the text). */
function whereParsingStopped(text: string, error: unknown): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  if (position === undefined) return "";
  const before = text.slice(0, Number(position)).split("\n");
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

function parseJson(ctx: Ctx, text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return fail(ctx, undefined, `is not valid JSON${whereParsingStopped(text, error)}.`);
  }
}

/** Checks the whole file; `file` only names it in errors. Secrets `{ "env": … }` come from `env`,
 *  and BATCH_REST_API_KEY stands in for a project's missing rest_api_key. */
export function parseProjectsConfig(text: string, file: string, env: Env): ProjectsConfig {
  const ctx: Ctx = { file, env };
  const top = parseJson(ctx, text);
  if (!isObject(top)) fail(ctx, undefined, "must hold a JSON object with a projects array.");
  const raw = object(ctx, "the top level", top, FIELDS.top);
  const projects = array(ctx, "projects", raw.projects, true).map((p, i) => project(ctx, `projects[${i}]`, p));
  unique(ctx, "project", projects.map((p) => p.name), (i) => `projects[${i}].name`);
  const tokens = raw.tokens === undefined ? [] : array(ctx, "tokens", raw.tokens, false).map((t, i) => token(ctx, `tokens[${i}]`, t, projects));
  const hashes = tokens.map((t) => t.sha256);
  const repeated = hashes.findIndex((h, i) => hashes.indexOf(h) !== i);
  if (repeated >= 0) fail(ctx, `tokens[${repeated}].sha256`, `repeats the token of tokens[${hashes.indexOf(hashes[repeated] ?? "")}]: give each token one entry, listing all its projects.`);
  return { projects, defaultProject: defaultProject(ctx, raw.default_project, projects), tokens };
}
