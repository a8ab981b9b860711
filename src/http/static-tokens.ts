// Static bearer tokens for Claude Code and scripts: BATCH_MCP_TOKENS entries (each a token
// or `sha256:<hex>` of one, seeing every project) and BATCH_MCP_CONFIG's `tokens` (a
// SHA-256 limited to some projects). Everything is compared as SHA-256 digests with
// timingSafeEqual: equal lengths, and a timing that says nothing about how much of a guess
// was right. The caller's grant lands on the auth info, `extra[GRANT_KEY]`.

import { createHash, timingSafeEqual } from "node:crypto";
import type { OAuthTokenVerifier } from "@modelcontextprotocol/sdk/server/auth/provider.js";
import { InvalidTokenError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { ALL_PROJECTS, GRANT_KEY, onlyProjects, type Grant, type ProjectToken } from "../projects/index.js";
import { SettingsError } from "./settings.js";

/** A BATCH_MCP_TOKENS entry, or a token of BATCH_MCP_CONFIG limited to its projects. */
export type StaticToken = string | ProjectToken;

/** Static tokens do not expire; the SDK's bearer middleware asks for an expiry all the same. */
const VALID_FOR_S = 3600;

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

export function staticTokenVerifier(entries: readonly StaticToken[]): OAuthTokenVerifier {
  const digests = entries.map(digestOf);
  checkNoTokenTwice(entries, digests);
  const grants = entries.map(grantOfEntry);
  return {
    async verifyAccessToken(token) {
      const presented = sha256(token);
      // No early exit: every entry is compared whatever the outcome.
      const index = digests.reduce((found, digest, i) => (timingSafeEqual(digest, presented) && found < 0 ? i : found), -1);
      const grant = grants[index];
      if (grant === undefined) throw new InvalidTokenError("Unknown token");
      // clientId names the entry, never the token: it may reach the request log.
      return { token, clientId: `token-${index + 1}`, scopes: [], expiresAt: Math.floor(Date.now() / 1000) + VALID_FOR_S, extra: { [GRANT_KEY]: grant } };
    },
  };
}
