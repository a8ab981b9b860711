// OAuth 2.1 resource server, as the MCP authorization spec asks: access tokens are JWTs
// signed by the configured authorization server, checked with jose against its JWKS
// (fetched once, cached, fetched again when a token names an unknown key).

import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { AuthorizationServerMetadata } from "@modelcontextprotocol/server";
import type { OAuthTokenVerifier } from "@modelcontextprotocol/server";
import { invalidToken } from "./invalid-token.js";
import { discoverAuthorizationServerMetadata } from "@modelcontextprotocol/client";
import { GRANT_KEY, grantFromScopes } from "../projects/index.js";
import { SettingsError } from "./settings.js";

/** Asymmetric algorithms only: `none` and shared-secret HMAC can never be accepted. */
const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];

const withoutSlash = (url: string) => url.replace(/\/$/, "");

/** The issuer's metadata: RFC 8414's document, else OpenID Connect discovery (the SDK tries both). */
export async function discoverIssuer(issuer: URL): Promise<AuthorizationServerMetadata> {
  const metadata = await discoverAuthorizationServerMetadata(issuer).catch((e: unknown) => {
    throw new SettingsError(`Could not read the metadata of BATCH_MCP_OAUTH_ISSUER ${issuer.href}: ${e instanceof Error ? e.message : String(e)}`);
  });
  if (!metadata) throw new SettingsError(`BATCH_MCP_OAUTH_ISSUER ${issuer.href} serves no OAuth or OpenID Connect metadata.`);
  if (withoutSlash(metadata.issuer) !== withoutSlash(issuer.href)) {
    throw new SettingsError(`BATCH_MCP_OAUTH_ISSUER is ${issuer.href} but its metadata names the issuer ${metadata.issuer}; use the latter.`);
  }
  if (!metadata.jwks_uri) throw new SettingsError(`The metadata of ${issuer.href} has no jwks_uri: its tokens cannot be checked.`);
  return metadata;
}

function scopesOf(payload: JWTPayload): string[] {
  // `scope` is RFC 9068's claim; Entra puts them in `scp`.
  const raw = payload.scope ?? payload.scp;
  if (Array.isArray(raw)) return raw.filter((s): s is string => typeof s === "string");
  return typeof raw === "string" ? raw.split(" ").filter((s) => s !== "") : [];
}

function clientOf(payload: JWTPayload): string {
  const id = payload.client_id ?? payload.azp ?? payload.sub;
  return typeof id === "string" ? id : "unknown";
}

/** Why jose refused a token (its error code and claim), for the operator's log: never the token. */
function reasonOf(e: unknown): string {
  const { code, claim } = (e ?? {}) as { code?: unknown; claim?: unknown };
  return [code, claim].filter((part) => typeof part === "string").join(" ") || "not a JWT";
}

export function jwtVerifier(metadata: AuthorizationServerMetadata, resource: URL, onRefused: (reason: string) => void): OAuthTokenVerifier {
  const keys = createRemoteJWKSet(new URL(metadata.jwks_uri ?? ""));
  // RFC 8707: the token's audience is this server's canonical URL (one trailing slash aside).
  const audience = [...new Set([resource.href, withoutSlash(resource.href), `${withoutSlash(resource.href)}/`])];
  return {
    async verifyAccessToken(token) {
      const { payload } = await jwtVerify(token, keys, {
        issuer: metadata.issuer,
        audience,
        algorithms: ALGORITHMS,
        requiredClaims: ["exp"],
      }).catch((e: unknown) => {
        // The operator learns what was wrong; the client only that the token was refused.
        onRefused(reasonOf(e));
        throw invalidToken("Invalid or expired access token");
      });
      const scopes = scopesOf(payload);
      // Scopes batch.project:<name> limit the caller to those projects; none: every project.
      return { token, clientId: clientOf(payload), scopes, expiresAt: payload.exp, resource, extra: { [GRANT_KEY]: grantFromScopes(scopes) } };
    },
  };
}
