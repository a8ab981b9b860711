// BATCH_MCP_TOKENS: bearer tokens for Claude Code and scripts. Each entry is a token or
// `sha256:<hex>` of one, so a deployment need not keep them in clear. Everything is
// compared as SHA-256 digests with timingSafeEqual: equal lengths, and a timing that says
// nothing about how much of a guess was right.
// A client refused here is told, in words, how to send a token: without that, clients such
// as Claude Code take the 401 for an invitation to OAuth and report a failed sign-in.

import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { plainError } from "./json-errors.js";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

function digestOf(entry: string): Buffer {
  return entry.startsWith("sha256:") ? Buffer.from(entry.slice("sha256:".length), "hex") : sha256(entry);
}

/** The client id of the entry a token matches (`token-1`, `token-2`…), never the token itself: it reaches the request log. */
export function staticTokenMatcher(entries: readonly string[]): (token: string) => string | undefined {
  const digests = entries.map(digestOf);
  return (token) => {
    const presented = sha256(token);
    // No early exit: every entry is compared whatever the outcome.
    const index = digests.reduce((found, digest, i) => (timingSafeEqual(digest, presented) && found < 0 ? i : found), -1);
    return index < 0 ? undefined : `token-${index + 1}`;
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
export function staticTokenGuard(entries: readonly string[], help: string): RequestHandler {
  const match = staticTokenMatcher(entries);
  return (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    const clientId = token === undefined ? undefined : match(token);
    if (token !== undefined && clientId !== undefined) {
      req.auth = { token, clientId, scopes: [] };
      return next();
    }
    res.set("WWW-Authenticate", token === undefined ? 'Bearer realm="batch-mcp"' : 'Bearer realm="batch-mcp", error="invalid_token"');
    const why = token === undefined ? "This server takes a bearer token" : "This bearer token is not one this server accepts";
    plainError(res, 401, "invalid_token", `${why}: ${help}`);
  };
}
