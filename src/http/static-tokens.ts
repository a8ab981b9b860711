// Static bearer tokens for Claude Code and scripts: BATCH_MCP_TOKENS entries (each a token
// or `sha256:<hex>` of one, seeing every project) and BATCH_MCP_CONFIG's `tokens` (a
// SHA-256 limited to some projects). Everything is compared as SHA-256 digests with
// timingSafeEqual: equal lengths, and a timing that says nothing about how much of a guess
// was right. The caller's grant lands on the auth info, `extra[GRANT_KEY]`.
// A client refused here is told, in words, how to send a token: without that, clients such
// as Claude Code take the 401 for an invitation to OAuth and report a failed sign-in.

import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { ALL_PROJECTS, GRANT_KEY, onlyProjects, type Grant, type ProjectToken } from "../projects/index.js";
import { plainError } from "./json-errors.js";
import { SettingsError } from "./settings.js";

/** A BATCH_MCP_TOKENS entry, or a token of BATCH_MCP_CONFIG limited to its projects. */
export type StaticToken = string | ProjectToken;

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

function digestOf(entry: StaticToken): Buffer {
  if (typeof entry !== "string") return Buffer.from(entry.sha256, "hex");
  return entry.startsWith("sha256:") ? Buffer.from(entry.slice("sha256:".length), "hex") : sha256(entry);
}

function grantOfEntry(entry: StaticToken): Grant {
  return typeof entry === "string" ? ALL_PROJECTS : onlyProjects(entry.projects);
}

/** One token with two grants would see whichever entry came first: refused at start. */
function checkNoTokenTwice(entries: readonly StaticToken[], digests: readonly Buffer[]): void {
  const limited = new Set(entries.flatMap((e, i) => (typeof e === "string" ? [] : [digests[i]?.toString("hex")])));
  if (entries.some((e, i) => typeof e === "string" && limited.has(digests[i]?.toString("hex")))) {
    throw new SettingsError("A token is both in BATCH_MCP_TOKENS (every project) and in BATCH_MCP_CONFIG's tokens (some projects): keep one of the two.");
  }
}

export interface TokenMatch {
  /** `token-1`, `token-2`…: names the entry, never the token itself (it reaches the request log). */
  clientId: string;
  grant: Grant;
}

/** Which entry a token matches, and what it may see. */
export function staticTokenMatcher(entries: readonly StaticToken[]): (token: string) => TokenMatch | undefined {
  const digests = entries.map(digestOf);
  checkNoTokenTwice(entries, digests);
  const grants = entries.map(grantOfEntry);
  return (token) => {
    const presented = sha256(token);
    // No early exit: every entry is compared whatever the outcome.
    const index = digests.reduce((found, digest, i) => (timingSafeEqual(digest, presented) && found < 0 ? i : found), -1);
    const grant = grants[index];
    return grant === undefined ? undefined : { clientId: `token-${index + 1}`, grant };
  };
}

/** How to send a token, for the person whose client came without one (lower-case: it ends a sentence). */
export function bearerHelp(publicUrl: URL | undefined): string {
  const url = publicUrl?.href ?? "https://<this server>/mcp";
  return (
    `send the header "Authorization: Bearer <token>" with a token from the server's operator (one of its BATCH_MCP_TOKENS). ` +
    `In Claude Code: claude mcp add --transport http batch ${url} --header "Authorization: Bearer $TOKEN"; ` +
    "in other clients, add that header to this server's entry in their MCP settings."
  );
}

const bearerToken = (header: string | undefined) => /^Bearer +(\S+) *$/i.exec(header ?? "")?.[1];

/** RFC 6750: no error code when no token came, `invalid_token` when one came and was refused. No resource_metadata: there is no OAuth here. */
export function staticTokenGuard(entries: readonly StaticToken[], help: string): RequestHandler {
  const match = staticTokenMatcher(entries);
  return (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    const found = token === undefined ? undefined : match(token);
    if (token !== undefined && found !== undefined) {
      req.auth = { token, clientId: found.clientId, scopes: [], extra: { [GRANT_KEY]: found.grant } };
      return next();
    }
    res.set("WWW-Authenticate", token === undefined ? 'Bearer realm="batch-mcp"' : 'Bearer realm="batch-mcp", error="invalid_token"');
    const why = token === undefined ? "This server takes a bearer token" : "This bearer token is not one this server accepts";
    plainError(res, 401, "invalid_token", `${why}: ${help}`);
  };
}
