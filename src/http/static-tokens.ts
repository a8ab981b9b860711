// BATCH_MCP_TOKENS: bearer tokens for Claude Code and scripts. Each entry is a token or
// `sha256:<hex>` of one, so a deployment need not keep them in clear. Everything is
// compared as SHA-256 digests with timingSafeEqual: equal lengths, and a timing that says
// nothing about how much of a guess was right.

import { createHash, timingSafeEqual } from "node:crypto";
import type { OAuthTokenVerifier } from "@modelcontextprotocol/server";
import { invalidToken } from "./invalid-token.js";

/** Static tokens do not expire; the SDK's bearer middleware asks for an expiry all the same. */
const VALID_FOR_S = 3600;

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

function digestOf(entry: string): Buffer {
  return entry.startsWith("sha256:") ? Buffer.from(entry.slice("sha256:".length), "hex") : sha256(entry);
}

export function staticTokenVerifier(entries: readonly string[]): OAuthTokenVerifier {
  const digests = entries.map(digestOf);
  return {
    async verifyAccessToken(token) {
      const presented = sha256(token);
      // No early exit: every entry is compared whatever the outcome.
      const index = digests.reduce((found, digest, i) => (timingSafeEqual(digest, presented) && found < 0 ? i : found), -1);
      if (index < 0) throw invalidToken("Unknown token");
      // clientId names the entry, never the token: it may reach the request log.
      return { token, clientId: `token-${index + 1}`, scopes: [], expiresAt: Math.floor(Date.now() / 1000) + VALID_FOR_S };
    },
  };
}
