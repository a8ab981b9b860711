// A real authorization server for the OAuth tests: oidc-provider on 127.0.0.1, issuing
// JWT access tokens for one resource (RFC 8707 resource indicators) through the
// client-credentials grant. The test holds its signing key, to hand-make bad tokens.

import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from "jose";
import Provider, { errors } from "oidc-provider";
import { createServer, type Server } from "node:http";

export const CLIENT_ID = "team-assistant";
export const CLIENT_SECRET = "client-secret-TOPSECRET-for-the-issuer";
export const SCOPE = "batch:read";
const KID = "issuer-key-1";
type SigningKey = Parameters<SignJWT["sign"]>[0];

export interface Issuer {
  url: string;
  /** A token signed with the issuer's key (or `key`), claims defaulting to a valid one. */
  sign(claims?: JWTPayload, options?: { kid?: string; key?: SigningKey }): Promise<string>;
  close(): Promise<void>;
}

export async function startIssuer(port: number, resource: string): Promise<Issuer> {
  const url = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: KID, alg: "RS256", use: "sig" };
  const provider = new Provider(url, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_types: ["client_credentials"], redirect_uris: [], response_types: [], scope: `${SCOPE} other` }],
    jwks: { keys: [jwk] },
    scopes: [SCOPE, "other"],
    ttl: { ClientCredentials: 300 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return { scope: SCOPE, audience: resource, accessTokenFormat: "jwt", accessTokenTTL: 300, jwt: { sign: { alg: "RS256" } } };
        },
      },
    },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url,
    sign(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: url, aud: resource, sub: CLIENT_ID, client_id: CLIENT_ID, scope: SCOPE, iat: now, exp: now + 300, ...claims })
        .setProtectedHeader({ alg: "RS256", kid: options.kid ?? KID, typ: "at+jwt" })
        .sign(options.key ?? privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
