// Remote mode with BATCH_MCP_AUTH=tokens: static bearer tokens, plain or as SHA-256.

import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestrations } from "../fake-batch/factories.js";
import { expectNoSecrets, structuredOf, type CallToolResult } from "./harness.js";
import { eventually, INITIALIZE, MCP_HEADERS, rawRequest, startHttpServer, type HttpServer } from "./http-harness.js";

const PLAIN = "plain-token-TOPSECRET-1";
const HASHED = "hashed-token-TOPSECRET-2";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("remote mode with static tokens", () => {
  let s: HttpServer;
  beforeAll(async () => {
    s = await startHttpServer({
      fake: { orchestrations: makeOrchestrations(5) },
      env: { BATCH_MCP_AUTH: "tokens", BATCH_MCP_TOKENS: `${PLAIN}, sha256:${sha256(HASHED)}` },
    });
  });
  afterAll(() => s.close());

  const post = (headers: Record<string, string>) => rawRequest(s.url.href, { method: "POST", headers: { ...MCP_HEADERS, ...headers }, body: INITIALIZE });

  it("answers 401 with a Bearer challenge without a token, or with a wrong one", async () => {
    const cases: Record<string, string>[] = [{}, { authorization: "Bearer not-a-token" }, { authorization: `Bearer ${PLAIN}x` }, { authorization: `Basic ${PLAIN}` }];
    for (const headers of cases) {
      const response = await post(headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers["www-authenticate"]).toMatch(/^Bearer /);
      // No OAuth here: nothing should send the client looking for an authorization server.
      expect(response.headers["www-authenticate"]).not.toMatch(/resource_metadata/);
      expect(response.body).not.toMatch(/TOPSECRET/);
    }
  });

  it("says in the 401 how to send a token, with the Claude Code command", async () => {
    const missing = JSON.parse((await post({})).body) as { error: string; error_description: string };
    expect(missing.error).toBe("invalid_token");
    expect(missing.error_description).toMatch(/^This server takes a bearer token: send the header "Authorization: Bearer <token>"/);
    expect(missing.error_description).toContain(`claude mcp add --transport http batch https://<this server>/mcp --header "Authorization: Bearer $TOKEN"`);
    const wrong = await post({ authorization: "Bearer not-a-token" });
    expect(wrong.headers["www-authenticate"]).toMatch(/error="invalid_token"/);
    expect((JSON.parse(wrong.body) as { error_description: string }).error_description).toMatch(/^This bearer token is not one this server accepts: send the header "Authorization: Bearer <token>"/);
  });

  it.each([
    ["GET", "/.well-known/oauth-protected-resource/mcp"],
    ["GET", "/.well-known/oauth-protected-resource"],
    ["GET", "/.well-known/oauth-authorization-server"],
    ["GET", "/.well-known/openid-configuration"],
    ["POST", "/register"],
    ["GET", "/authorize"],
    ["POST", "/token"],
  ])("answers OAuth discovery (%s %s) with a JSON 404 saying OAuth is off and to send a bearer token", async (method, path) => {
    const response = await rawRequest(`${s.base}${path}`, { method, headers: { "content-type": "application/json" }, body: method === "POST" ? "{}" : undefined });
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    // OAuth's error shape: a client that tried to register shows error_description, so the person reads the fix.
    const body = JSON.parse(response.body) as { error: string; error_description: string };
    expect(body.error).toBe("not_found");
    expect(body.error_description).toMatch(/^OAuth is off on this server; it takes a bearer token instead: send the header "Authorization: Bearer <token>"/);
    expect(body.error_description).toContain("claude mcp add --transport http");
  });

  it.each([
    ["a plain token", PLAIN],
    ["a token configured as its sha256", HASHED],
  ])("lets %s call the tools", async (_name, token) => {
    const client = await s.connect({ requestInit: { headers: { authorization: `Bearer ${token}` } } });
    const result = (await client.callTool({ name: "list_orchestrations", arguments: { status: ["draft", "running", "completed", "stopped"] } })) as CallToolResult;
    await client.close();
    expect(structuredOf<{ returned: number }>(result).returned).toBe(5);
  });

  it("never logs a token or a Batch key, and never sends a client token to Batch", async () => {
    const logged = await eventually(() => s.stderr(), /tools\/call list_orchestrations 200 .*client=token-2/);
    expectNoSecrets(logged);
    expect(logged).not.toMatch(/TOPSECRET/);
    expect(logged).toMatch(/tools\/call list_orchestrations 200 .*client=token-2/);
    const sentToBatch = JSON.stringify(s.fake.requests.map((r) => r.headers));
    expect(sentToBatch).not.toMatch(/TOPSECRET/);
  });
});
