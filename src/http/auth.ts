// Who may call /mcp, per BATCH_MCP_AUTH: the SDK's bearer middleware in front of a verifier
// (JWTs from the authorization server, or the static tokens), or nobody checked (loopback).

import type { RequestHandler, Router } from "express";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { getOAuthProtectedResourceMetadataUrl, mcpAuthMetadataRouter } from "@modelcontextprotocol/sdk/server/auth/router.js";
import type { OAuthMetadata } from "@modelcontextprotocol/sdk/shared/auth.js";
import type { Logger } from "../log.js";
import { discoverIssuer, jwtVerifier } from "./oauth.js";
import type { HttpSettings } from "./settings.js";
import { staticTokenVerifier } from "./static-tokens.js";

export interface AuthLayer {
  /** Public routes (RFC 9728 protected-resource metadata), served without a token. */
  metadata?: Router;
  /** Stands in front of /mcp. */
  guard?: RequestHandler;
}

export async function authLayer(settings: HttpSettings, log: Logger): Promise<AuthLayer> {
  if (settings.auth === "none") return {};
  if (settings.auth === "tokens") {
    return { guard: requireBearerAuth({ verifier: staticTokenVerifier([...settings.tokens, ...settings.projectTokens]) }) };
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
