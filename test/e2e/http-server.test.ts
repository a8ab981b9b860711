// Remote mode end to end: the built server over Streamable HTTP (auth none, loopback),
// driven by the SDK's StreamableHTTPClientTransport.

import type { Client, CallToolResult } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestrations } from "../fake-batch/factories.js";
import { expectNoSecrets, structuredOf } from "./harness.js";
import { batchEnv, INITIALIZE, MCP_HEADERS, rawRequest, spawnServer, startHttpServer, type HttpServer } from "./http-harness.js";

interface Listed {
  orchestrations: Array<{ id: string; status: string }>;
  returned: number;
}

describe("remote mode without authentication, on loopback", () => {
  let s: HttpServer;
  let client: Client;
  beforeAll(async () => {
    // A response budget big enough that 350 items make one answer: the progress of 3 full pages is under test, not the budget.
    s = await startHttpServer({ fake: { orchestrations: makeOrchestrations(450) }, env: { BATCH_MCP_ALLOWED_HOSTS: "mcp.example.com", BATCH_MCP_MAX_RESULT_CHARS: "100000" } });
    // A service has no terminal: a closed stdin must not stop it.
    s.process.stdin?.end();
    client = await s.connect();
  });
  afterAll(async () => {
    await client.close();
    await s.close();
  });

  it("answers /healthz with a small JSON status", async () => {
    const health = await rawRequest(`${s.base}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: "ok", server: "batch-mcp", version: expect.any(String) });
  });

  it("lists the tools and calls one over HTTP", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("list_orchestrations");
    const result = (await client.callTool({ name: "list_orchestrations", arguments: { status: ["running"], max_results: 5 } })) as CallToolResult;
    expect(structuredOf<Listed>(result).returned).toBe(5);
  });

  it("streams progress notifications within the request", async () => {
    const updates: number[] = [];
    await client.callTool({ name: "list_orchestrations", arguments: { status: ["draft", "running", "completed", "stopped"], max_results: 350 } }, {
      onprogress: (p) => updates.push(p.progress),
    });
    expect(updates).toEqual([1, 2, 3]);
  });

  it("makes one Batch paging for 40 people asking the same listing at once", async () => {
    s.fake.clearRequests();
    const clients = await Promise.all(Array.from({ length: 40 }, () => s.connect()));
    const args = { status: ["completed"], max_results: 20 };
    const results = await Promise.all(clients.map((c) => c.callTool({ name: "list_orchestrations", arguments: args }) as Promise<CallToolResult>));
    await Promise.all(clients.map((c) => c.close()));
    expect(results.every((r) => structuredOf<Listed>(r).returned === 20)).toBe(true);
    expect(s.fake.requests.filter((r) => r.route === "orchestrations").length).toBeLessThanOrEqual(4);
  });

  it("keeps pages apart per project key", async () => {
    s.fake.setOrchestrations(makeOrchestrations(3), "project-key-2");
    const other = structuredOf<Listed>((await client.callTool({ name: "list_orchestrations", arguments: { status: ["completed"], max_results: 20, project_key: "project-key-2" } })) as CallToolResult);
    expect(other.returned).toBeLessThan(20);
  });

  it("refuses a foreign Host header and a foreign Origin", async () => {
    const foreignHost = await rawRequest(s.url.href, { method: "POST", headers: { ...MCP_HEADERS, host: "evil.example" }, body: INITIALIZE });
    expect(foreignHost.status).toBe(403);
    const foreignOrigin = await rawRequest(s.url.href, { method: "POST", headers: { ...MCP_HEADERS, origin: "https://evil.example" }, body: INITIALIZE });
    expect(foreignOrigin.status).toBe(403);
  });

  it("accepts a Host named in BATCH_MCP_ALLOWED_HOSTS", async () => {
    const allowed = await rawRequest(s.url.href, { method: "POST", headers: { ...MCP_HEADERS, host: "mcp.example.com:443", origin: "https://mcp.example.com" }, body: INITIALIZE });
    expect(allowed.status).toBe(200);
  });

  it("answers GET /mcp with 405: there are no sessions to stream", async () => {
    expect((await rawRequest(s.url.href, { headers: MCP_HEADERS })).status).toBe(405);
  });

  it("logs one line per request, without secrets", () => {
    expect(s.stderr()).toMatch(/info: POST \/mcp tools\/call list_orchestrations 200 \d+ ms/);
    expect(s.stderr()).toMatch(/info: GET \/healthz 200 \d+ ms/);
    expectNoSecrets(s.stderr());
  });
});

describe("remote mode start-up and shut-down", () => {
  it("refuses to serve without authentication off loopback, saying why", async () => {
    const { stderr, exited } = spawnServer(["--http", "--host", "0.0.0.0", "--port", "0"], batchEnv("http://127.0.0.1:9"));
    expect(await exited).not.toBe(0);
    expect(stderr()).toMatch(/BATCH_MCP_AUTH=none is only allowed on a loopback host/);
  });

  it("on SIGTERM stops accepting, finishes the request in flight, then exits 0", async () => {
    const s = await startHttpServer({ fake: { orchestrations: makeOrchestrations(10) } });
    const client = await s.connect();
    s.fake.script({ route: "orchestrations", fault: { kind: "delay", ms: 1500 } });
    const call = client.callTool({ name: "list_orchestrations", arguments: { status: ["draft", "running", "completed", "stopped"] } }) as Promise<CallToolResult>;
    while (s.fake.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    s.process.kill("SIGTERM");
    while (!s.stderr().includes("SIGTERM")) await new Promise((r) => setTimeout(r, 20));
    await expect(rawRequest(`${s.base}/healthz`)).rejects.toThrow();
    expect(structuredOf<Listed>(await call).returned).toBe(10);
    expect(await s.exited).toBe(0);
    await s.close();
  });
});
