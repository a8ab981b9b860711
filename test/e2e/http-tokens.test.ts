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
    }
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
