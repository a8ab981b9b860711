// Remote mode hands each caller's project grant to the tools on the auth info
// (`extra.batchProjects`): static tokens from BATCH_MCP_TOKENS see every project, those
// from BATCH_MCP_CONFIG their own; OAuth tokens by their `batch.project:<name>` scopes.

import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthorizationServerMetadata } from "@modelcontextprotocol/server";
import { jwtVerifier } from "../../src/http/oauth.js";
import { loadHttpSettings, SettingsError } from "../../src/http/settings.js";
import { staticTokenMatcher } from "../../src/http/static-tokens.js";
import { ALL_PROJECTS, GRANT_KEY, grantOf, onlyProjects, type ProjectToken } from "../../src/projects/index.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("static tokens", () => {
  const fileTokens: ProjectToken[] = [
    { sha256: sha256("germany-team"), projects: ["Fernwood Germany"] },
    { sha256: sha256("two-projects"), projects: ["FR", "Fernwood Germany"] },
  ];
  const match = staticTokenMatcher(["admin-token", `sha256:${sha256("ops-token")}`, ...fileTokens]);

  it("from BATCH_MCP_TOKENS see every project", async () => {
    for (const token of ["admin-token", "ops-token"]) {
      expect(match(token)?.grant).toEqual(ALL_PROJECTS);
    }
  });

  it("from BATCH_MCP_CONFIG see only their projects, and are named by entry, never by token", async () => {
    expect(match("germany-team")).toEqual({ clientId: "token-3", grant: onlyProjects(["Fernwood Germany"]) });
    expect(match("two-projects")?.grant).toEqual(onlyProjects(["FR", "Fernwood Germany"]));
  });

  it("refuses an unknown token", async () => {
    expect(match("germany-tea")).toBeUndefined();
  });

  it("refuses at start a token both in BATCH_MCP_TOKENS and in the file", () => {
    expect(() => staticTokenMatcher(["germany-team", ...fileTokens])).toThrow(SettingsError);
    expect(() => staticTokenMatcher([`sha256:${sha256("two-projects").toUpperCase()}`, ...fileTokens])).toThrow(/keep one of the two/);
  });

  it("from the file alone turn tokens mode on and satisfy it", () => {
    const settings = loadHttpSettings({}, ["--host", "0.0.0.0"], fileTokens);
    expect(settings).toMatchObject({ auth: "tokens", tokens: [], projectTokens: fileTokens });
    expect(loadHttpSettings({ BATCH_MCP_AUTH: "tokens" }, [], fileTokens).auth).toBe("tokens");
    expect(() => loadHttpSettings({ BATCH_MCP_AUTH: "tokens" }, [])).toThrow(/BATCH_MCP_TOKENS .* or tokens in the BATCH_MCP_CONFIG file/);
  });
});

describe("OAuth tokens", () => {
  let jwks: Server;
  let metadata: AuthorizationServerMetadata;
  let sign: (claims: Record<string, unknown>) => Promise<string>;
  const resource = new URL("https://mcp.example.com/mcp");

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const key = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    jwks = createServer((_req, res) => res.setHeader("content-type", "application/json").end(JSON.stringify({ keys: [key] })));
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    const issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
    metadata = {
      issuer,
      jwks_uri: `${issuer}/jwks`,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      response_types_supported: ["code"],
    };
    sign = (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "k1" }).setIssuer(issuer).setAudience(resource.href).setExpirationTime("5m").sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  const verify = async (claims: Record<string, unknown>) => jwtVerifier(metadata, resource, () => {}).verifyAccessToken(await sign(claims));

  it("are limited by their batch.project:<name> scopes", async () => {
    const info = await verify({ scope: "openid batch.read batch.project:FR batch.project:fernwood-germany", client_id: "claude" });
    expect(info.extra?.[GRANT_KEY]).toEqual(onlyProjects(["FR", "fernwood-germany"]));
    // Entra's scp claim, as an array.
    expect(grantOf(await verify({ scp: ["batch.project:UK"] }))).toEqual(onlyProjects(["UK"]));
  });

  it("see every project without such a scope", async () => {
    expect(grantOf(await verify({ scope: "openid batch.read" }))).toEqual(ALL_PROJECTS);
    expect(grantOf(await verify({}))).toEqual(ALL_PROJECTS);
  });
});
