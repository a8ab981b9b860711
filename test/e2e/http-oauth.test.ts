// Remote mode with BATCH_MCP_AUTH=oauth against a real authorization server (oidc-provider):
// the whole flow a connector goes through, and every kind of token that must be refused.

import { ClientCredentialsProvider } from "@modelcontextprotocol/client";
import type { CallToolResult } from "@modelcontextprotocol/client";
import { generateKeyPair, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestrations } from "../fake-batch/factories.js";
import { expectNoSecrets, structuredOf } from "./harness.js";
import { freePort, INITIALIZE, MCP_HEADERS, rawRequest, startHttpServer, type HttpServer } from "./http-harness.js";
import { CLIENT_ID, CLIENT_SECRET, SCOPE, startIssuer, type Issuer } from "./oidc-issuer.js";

describe("remote mode as an OAuth resource server", () => {
  let issuer: Issuer;
  let s: HttpServer;
  let resource: string;
  const seenTokens: string[] = [];

  beforeAll(async () => {
    const [serverPort, issuerPort] = await Promise.all([freePort(), freePort()]);
    resource = `http://127.0.0.1:${serverPort}/mcp`;
    issuer = await startIssuer(issuerPort, resource);
    s = await startHttpServer({
      port: serverPort,
      fake: { orchestrations: makeOrchestrations(5) },
      env: { BATCH_MCP_AUTH: "oauth", BATCH_MCP_OAUTH_ISSUER: issuer.url, BATCH_MCP_PUBLIC_URL: resource, BATCH_MCP_OAUTH_SCOPES: SCOPE },
    });
  });
  afterAll(async () => {
    await s.close();
    await issuer.close();
  });

  const post = (token?: string) =>
    rawRequest(s.url.href, { method: "POST", headers: { ...MCP_HEADERS, ...(token !== undefined && { authorization: `Bearer ${token}` }) }, body: INITIALIZE });

  it("answers 401 pointing at its protected-resource metadata, which names the issuer", async () => {
    const challenge = await post();
    expect(challenge.status).toBe(401);
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(String(challenge.headers["www-authenticate"]))?.[1];
    expect(metadataUrl).toBe(`${s.base}/.well-known/oauth-protected-resource/mcp`);
    const metadata = JSON.parse((await rawRequest(metadataUrl ?? "")).body) as Record<string, unknown>;
    expect(metadata).toMatchObject({ resource, authorization_servers: [issuer.url], scopes_supported: [SCOPE] });
  });

  it("answers paths it does not serve with a JSON 404; registration is the issuer's, not refused as 'OAuth is off'", async () => {
    for (const path of ["/nope", "/register"]) {
      const response = await rawRequest(`${s.base}${path}`, { method: "POST" });
      expect(response.status, path).toBe(404);
      expect(JSON.parse(response.body)).toMatchObject({ error: "not_found" });
      expect(response.body).not.toMatch(/OAuth is off/);
    }
  });

  it("lets a client discover the issuer, get a token by client credentials and call a tool", async () => {
    const authProvider = new ClientCredentialsProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, expectedIssuer: issuer.url, scope: SCOPE });
    const client = await s.connect({ authProvider });
    const result = (await client.callTool({ name: "list_orchestrations", arguments: { status: ["draft", "running", "completed", "stopped"] } })) as CallToolResult;
    await client.close();
    expect(structuredOf<{ returned: number }>(result).returned).toBe(5);
    const token = authProvider.tokens()?.access_token ?? "";
    expect(token.split(".")).toHaveLength(3);
    seenTokens.push(token);
  });

  it("accepts a well-made token signed by the issuer", async () => {
    expect((await post(await issuer.sign())).status).toBe(200);
  });

  it.each([
    ["an expired token", () => issuer.sign({ exp: Math.floor(Date.now() / 1000) - 120 })],
    ["a token for another audience", () => issuer.sign({ aud: "https://other.example/mcp" })],
    ["a token from another issuer", () => issuer.sign({ iss: "https://other-issuer.example" })],
    ["a token without an expiry", () => issuer.sign({ exp: undefined })],
    ["a token signed by a foreign key under the issuer's kid", async () => issuer.sign({}, { key: (await generateKeyPair("RS256")).privateKey })],
    ["a token signed by an unknown key", async () => issuer.sign({}, { kid: "unknown-key", key: (await generateKeyPair("RS256")).privateKey })],
    ["an unsigned token (alg: none)", () => Promise.resolve(new UnsecuredJWT({ aud: resource, iss: issuer.url, scope: SCOPE }).setExpirationTime("5m").encode())],
    ["a token that is not a JWT", () => Promise.resolve("opaque-access-token")],
  ])("refuses %s with 401", async (_name, make) => {
    const token = await make();
    seenTokens.push(token);
    const response = await post(token);
    expect(response.status).toBe(401);
    expect(response.headers["www-authenticate"]).toMatch(/^Bearer error="invalid_token".*resource_metadata="/);
  });

  it("refuses a token without the required scope with 403 insufficient_scope", async () => {
    const response = await post(await issuer.sign({ scope: "other" }));
    expect(response.status).toBe(403);
    expect(response.headers["www-authenticate"]).toMatch(/error="insufficient_scope"/);
  });

  it("never passes a client's token on to Batch, nor logs one", () => {
    expect(seenTokens.length).toBeGreaterThan(5);
    const sentToBatch = JSON.stringify(s.fake.requests);
    const logs = s.stderr();
    for (const token of seenTokens) {
      expect(sentToBatch.includes(token)).toBe(false);
      expect(logs.includes(token)).toBe(false);
    }
    expect(logs).not.toMatch(/TOPSECRET/);
    // The operator still learns why a token was refused.
    expect(logs).toMatch(/refused an access token: ERR_JWT_EXPIRED exp/);
    expectNoSecrets(logs);
  });
});
