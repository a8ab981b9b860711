// Who may call /mcp, per BATCH_MCP_AUTH: the SDK's bearer middleware in front of the JWT
// verifier (OAuth), the static tokens' guard, or nobody checked (loopback). Without OAuth,
// the paths a client probes for it say that it is off, and what to do instead.

import type { RequestHandler } from "express";
import type { OAuthMetadata } from "@modelcontextprotocol/server";
import { getOAuthProtectedResourceMetadataUrl, mcpAuthMetadataRouter, requireBearerAuth } from "@modelcontextprotocol/express";
import type { Logger } from "../log.js";
import { discoverIssuer, jwtVerifier } from "./oauth.js";
import { oauthOff } from "./oauth-off.js";
import type { HttpSettings } from "./settings.js";
import { bearerHelp, staticTokenGuard } from "./static-tokens.js";

export interface AuthLayer {
  /** Public routes, served without a token: RFC 9728 protected-resource metadata, or "OAuth is off". */
  metadata: RequestHandler;
  /** Stands in front of /mcp. */
  guard?: RequestHandler;
}

const NO_AUTH = "OAuth is off on this server: it serves its loopback address without authentication, so connect to its /mcp URL with no sign-in and no token.";

export async function authLayer(settings: HttpSettings, log: Logger): Promise<AuthLayer> {
  if (settings.auth === "none") return { metadata: oauthOff(NO_AUTH) };
  if (settings.auth === "tokens") {
    const help = bearerHelp(settings.publicUrl);
    return { metadata: oauthOff(`OAuth is off on this server; it takes a bearer token instead: ${help}`), guard: staticTokenGuard([...settings.tokens, ...settings.projectTokens], help) };
  }
  // settings.ts has checked that oauth comes with both URLs.
  const issuer = settings.issuer as URL;
  const resource = settings.publicUrl as URL;
  const metadata = await discoverIssuer(issuer);
  const scopes = settings.scopes.length > 0 ? settings.scopes : undefined;
  return {
    metadata: mcpAuthMetadataRouter({
      // OpenID discovery documents carry every field RFC 8414 asks for.
      oauthMetadata: metadata as OAuthMetadata,
      resourceServerUrl: resource,
      scopesSupported: scopes,
      resourceName: "Batch campaigns (batch-mcp)",
    }),
    guard: requireBearerAuth({
      verifier: jwtVerifier(metadata, resource, (reason) => log("info", `refused an access token: ${reason}`)),
      requiredScopes: settings.scopes,
      resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(resource),
      expectedResource: resource,
    }),
  };
}
