// Remote-mode settings from the environment and the command line. Unlike the stdio
// settings (which fall back to defaults so the server always starts), a wrong setting here
// could open the server to the network: every mistake refuses to start, saying why.

import type { ProjectToken } from "../projects/index.js";

export type AuthMode = "oauth" | "tokens" | "none";

export interface HttpSettings {
  host: string;
  port: number;
  auth: AuthMode;
  /** The canonical URL of /mcp: the audience of OAuth tokens, and an allowed Host. */
  publicUrl: URL | undefined;
  issuer: URL | undefined;
  scopes: string[];
  /** Static bearer tokens, each plain or `sha256:<hex>` (BATCH_MCP_TOKENS): every project. */
  tokens: string[];
  /** BATCH_MCP_CONFIG's tokens, each limited to its projects. */
  projectTokens: readonly ProjectToken[];
  /** Host names (no port) accepted in Host and Origin headers. */
  allowedHosts: string[];
}

/** A setting that stops the server from starting; the message is shown as is. */
export class SettingsError extends Error {}

type Env = Record<string, string | undefined>;

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** `--name value` or `--name=value`, else the environment variable. */
function setting(env: Env, argv: readonly string[], flag: string, variable: string): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === `--${flag}`) return argv[i + 1];
    if (arg.startsWith(`--${flag}=`)) return arg.slice(flag.length + 3);
  }
  const value = env[variable]?.trim();
  return value ? value : undefined;
}

function list(raw: string | undefined): string[] {
  return (raw ?? "").split(/[,\s]+/).filter((item) => item !== "");
}

function port(raw: string | undefined): number {
  if (raw === undefined) return 3000;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= 0 && value <= 65535) return value;
  throw new SettingsError(`BATCH_MCP_PORT/--port="${raw}" is not a port number (0 to 65535).`);
}

function url(variable: string, raw: string | undefined): URL | undefined {
  if (raw === undefined) return undefined;
  const parsed = URL.canParse(raw) ? new URL(raw) : undefined;
  if (parsed && (parsed.protocol === "https:" || parsed.protocol === "http:") && !parsed.hash) return parsed;
  throw new SettingsError(`${variable}="${raw}" is not an http(s) URL.`);
}

// Unset, the mode follows what is configured; `none` is then refused off loopback.
function authMode(raw: string | undefined, env: Env, projectTokens: readonly ProjectToken[]): AuthMode {
  const tokens = env.BATCH_MCP_TOKENS?.trim() || projectTokens.length > 0;
  const mode = raw?.toLowerCase() ?? (env.BATCH_MCP_OAUTH_ISSUER?.trim() ? "oauth" : tokens ? "tokens" : "none");
  if (mode === "oauth" || mode === "tokens" || mode === "none") return mode;
  throw new SettingsError(`BATCH_MCP_AUTH="${raw}" must be oauth, tokens or none.`);
}

function check(settings: HttpSettings): HttpSettings {
  const { auth, host } = settings;
  if (auth === "none" && !isLoopback(host)) {
    throw new SettingsError(
      `BATCH_MCP_AUTH=none is only allowed on a loopback host, and --host is ${host}: anyone who can reach it could read your Batch project. ` +
        "Set BATCH_MCP_AUTH=oauth (with BATCH_MCP_OAUTH_ISSUER and BATCH_MCP_PUBLIC_URL) or BATCH_MCP_AUTH=tokens (with BATCH_MCP_TOKENS), or serve on 127.0.0.1.",
    );
  }
  if (auth === "oauth" && (!settings.issuer || !settings.publicUrl)) {
    throw new SettingsError("BATCH_MCP_AUTH=oauth needs BATCH_MCP_OAUTH_ISSUER (the authorization server) and BATCH_MCP_PUBLIC_URL (the public URL of /mcp, the tokens' audience).");
  }
  if (auth === "tokens" && settings.tokens.length === 0 && settings.projectTokens.length === 0) {
    throw new SettingsError(
      "BATCH_MCP_AUTH=tokens needs BATCH_MCP_TOKENS (a comma-separated list of tokens, each plain or sha256:<hex>) or tokens in the BATCH_MCP_CONFIG file.",
    );
  }
  const badHash = settings.tokens.find((t) => t.startsWith("sha256:") && !/^sha256:[0-9a-f]{64}$/i.test(t));
  if (badHash !== undefined) throw new SettingsError("BATCH_MCP_TOKENS has a sha256: entry that is not 64 hexadecimal digits.");
  return settings;
}

/** `projectTokens`: the tokens of the BATCH_MCP_CONFIG file, if any (config.projects.tokens). */
export function loadHttpSettings(env: Env, argv: readonly string[], projectTokens: readonly ProjectToken[] = []): HttpSettings {
  const host = setting(env, argv, "host", "BATCH_MCP_HOST") ?? "127.0.0.1";
  const publicUrl = url("BATCH_MCP_PUBLIC_URL", setting(env, argv, "public-url", "BATCH_MCP_PUBLIC_URL"));
  const wildcard = host === "0.0.0.0" || host === "::";
  const bindName = host.includes(":") ? `[${host}]` : host;
  return check({
    host,
    port: port(setting(env, argv, "port", "BATCH_MCP_PORT")),
    auth: authMode(env.BATCH_MCP_AUTH?.trim() || undefined, env, projectTokens),
    publicUrl,
    issuer: url("BATCH_MCP_OAUTH_ISSUER", env.BATCH_MCP_OAUTH_ISSUER?.trim() || undefined),
    scopes: list(env.BATCH_MCP_OAUTH_SCOPES),
    tokens: list(env.BATCH_MCP_TOKENS),
    projectTokens,
    allowedHosts: [
      ...new Set([
        ...LOOPBACK_NAMES,
        ...(wildcard ? [] : [bindName.toLowerCase()]),
        ...(publicUrl ? [publicUrl.hostname] : []),
        ...list(env.BATCH_MCP_ALLOWED_HOSTS).map((h) => h.toLowerCase()),
      ]),
    ],
  });
}
