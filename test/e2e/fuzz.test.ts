// A few hundred random JSON-RPC messages, seeded so a failure replays: wrong versions, ids,
// methods and params, responses nobody asked for, batches. Over HTTP and over stdio, the
// server must answer none with a 5xx or a stack trace, must not crash, and must still
// serve a plain tools/list afterwards. Raw JSON only (fetch, the child's stdin), never an
// SDK client, so the test judges the server whatever SDK it is built on.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestrations } from "../fake-batch/factories.js";
import { startFakeBatch, type FakeBatch } from "../../src/fake-batch/index.js";
import { batchEnv, INITIALIZE, MCP_HEADERS, rawRequest, spawnServer, STACK_TRACE, startHttpServer, type HttpServer } from "./http-harness.js";

const SEED = 18;
const MESSAGES = 200;
const TOKEN = "fuzz-token-TOPSECRET";

const METHODS = [
  "initialize", "ping", "tools/list", "tools/call", "resources/list", "resources/read", "resources/templates/list",
  "prompts/list", "prompts/get", "completion/complete", "logging/setLevel", "notifications/initialized",
  "notifications/cancelled", "notifications/progress", "sampling/createMessage", "unknown/method", "", "__proto__", "constructor",
];
const TOOLS = ["list_orchestrations", "list_inapp_campaigns", "get_orchestration_stats", "compare_orchestrations", "get_campaign_content", "no_such_tool", ""];
const VERSIONS = ["2025-06-18", "2025-11-25", "2026-07-28", "1999-01-01", ""];

const json = fc.jsonValue({ maxDepth: 3 });

/** Arguments close enough to the tools' schemas to get past the first check now and then. */
const toolArguments = fc.oneof(
  json,
  fc.record(
    {
      status: fc.array(fc.constantFrom("running", "draft", "completed", "bogus")),
      max_results: fc.oneof(fc.integer({ min: -5, max: 20_000 }), fc.string()),
      cursor: fc.string(),
      orchestration_id: fc.oneof(fc.string(), fc.constant("batch://orchestrations/x"), fc.constant("orchestration_")),
      orchestration_ids: fc.array(fc.string(), { maxLength: 3 }),
      id: fc.oneof(fc.string(), fc.constant("batch://inapp-campaigns/x"), fc.constant("batch://orchestrations/x/content")),
      from: fc.oneof(fc.constant("2026-01-01"), fc.string()),
      group_by: fc.constantFrom("total", "day", "version", "platform", "nope"),
      totals_only: fc.oneof(fc.boolean(), json),
      live: fc.oneof(fc.boolean(), json),
    },
    { requiredKeys: [] },
  ),
);

/** Params shaped for the method now and then, anything at all otherwise. */
function paramsFor(method: string): fc.Arbitrary<unknown> {
  const shaped: Record<string, fc.Arbitrary<unknown>> = {
    "tools/call": fc.record(
      { name: fc.oneof(fc.constantFrom(...TOOLS), fc.string()), arguments: toolArguments, _meta: fc.record({ progressToken: fc.oneof(fc.integer(), fc.string(), json) }) },
      { requiredKeys: ["name"] },
    ),
    "resources/read": fc.record({ uri: fc.oneof(fc.constantFrom("batch://orchestrations/abc", "batch://inapp-campaigns/x", "batch://orchestrations/abc/stats", "batch://orchestrations/abc/content", "ui://batch/stats.html"), fc.string()) }),
    "prompts/get": fc.record({ name: fc.oneof(fc.constantFrom("audit_campaigns", "audit_performance"), fc.string()), arguments: json }, { requiredKeys: [] }),
    initialize: fc.record({ protocolVersion: fc.oneof(fc.constantFrom(...VERSIONS), json), capabilities: json, clientInfo: json }, { requiredKeys: [] }),
    "completion/complete": fc.record({ ref: fc.oneof(fc.constant({ type: "ref/resource", uri: "batch://orchestrations/{id}" }), json), argument: fc.oneof(fc.record({ name: fc.constant("id"), value: fc.string() }), json) }),
    "logging/setLevel": fc.record({ level: fc.oneof(fc.constantFrom("debug", "info", "emergency"), json) }),
  };
  const fallback = fc.oneof(fc.constant(undefined), json);
  // Own keys only: "constructor" and "__proto__" are among the methods tried.
  const arbitrary = Object.hasOwn(shaped, method) ? shaped[method] : undefined;
  return arbitrary ? fc.oneof({ arbitrary, weight: 4 }, { arbitrary: fallback, weight: 1 }) : fallback;
}

const version = fc.oneof({ arbitrary: fc.constant("2.0"), weight: 12 }, { arbitrary: fc.constantFrom("1.0", "2", 2, null, undefined), weight: 1 });
const id = fc.oneof({ arbitrary: fc.oneof(fc.integer(), fc.string()), weight: 8 }, { arbitrary: fc.oneof(fc.constant(null), fc.double(), json), weight: 1 });
// Tool calls reach the most code: a third of the methods.
const method = fc.oneof(
  { arbitrary: fc.constant("tools/call"), weight: 4 },
  { arbitrary: fc.constantFrom(...METHODS), weight: 7 },
  { arbitrary: fc.oneof(fc.string(), fc.integer()), weight: 1 },
);

const request = fc.record({ jsonrpc: version, id, method }).chain((head) =>
  paramsFor(String(head.method)).map((p) => ({ ...head, ...(p !== undefined && { params: p }) })),
);
const notification = fc.record({ jsonrpc: version, method, params: json }, { requiredKeys: ["jsonrpc", "method"] });
// Responses to nothing the server asked, and errors from the client.
const response = fc.oneof(fc.record({ jsonrpc: version, id, result: json }), fc.record({ jsonrpc: version, id, error: fc.record({ code: fc.integer(), message: fc.string(), data: json }, { requiredKeys: [] }) }));
const message = fc.oneof({ arbitrary: request, weight: 8 }, { arbitrary: notification, weight: 1 }, { arbitrary: response, weight: 1 });

const payload = fc.oneof({ arbitrary: message, weight: 10 }, { arbitrary: fc.array(message, { maxLength: 4 }), weight: 2 }, { arbitrary: json, weight: 1 });

/** And a few that are not JSON at all. */
const GARBAGE = ["{", "not json", '{"jsonrpc":"2.0","id":1', "]", "\u0000", "{}{}"];

function messages(seed: number): string[] {
  return [...GARBAGE, ...fc.sample(payload, { seed, numRuns: MESSAGES }).map((m) => JSON.stringify(m) ?? "null")];
}

const TOOLS_LIST = { jsonrpc: "2.0", id: "final-list", method: "tools/list", params: {} };

describe("random JSON-RPC messages over HTTP", () => {
  let s: HttpServer;
  beforeAll(async () => {
    s = await startHttpServer({ fake: { orchestrations: makeOrchestrations(30) }, env: { BATCH_MCP_AUTH: "tokens", BATCH_MCP_TOKENS: TOKEN } });
  });
  afterAll(() => s.close());

  const post = (body: string) => rawRequest(s.url.href, { method: "POST", headers: { ...MCP_HEADERS, authorization: `Bearer ${TOKEN}` }, body });

  it("answers each without a 5xx or a stack trace, and keeps serving", async () => {
    const bodies = messages(SEED);
    const failures: string[] = [];
    // Ten at a time, as several clients would.
    for (let i = 0; i < bodies.length; i += 10) {
      const batch = bodies.slice(i, i + 10);
      const responses = await Promise.all(batch.map(post));
      responses.forEach((response, k) => {
        if (response.status >= 500 || STACK_TRACE.test(response.body)) failures.push(`${response.status} for ${batch[k]}: ${response.body.slice(0, 300)}`);
      });
    }
    expect(failures).toEqual([]);
    expect(s.process.exitCode).toBeNull();
    const listed = await post(JSON.stringify(TOOLS_LIST));
    expect(listed.status).toBe(200);
    expect(listed.body).toContain("list_orchestrations");
    expect(s.stderr()).not.toMatch(/TOPSECRET/);
  });
});

describe("random JSON-RPC messages over stdio", () => {
  let fake: FakeBatch;
  let server: ReturnType<typeof spawnServer>;
  let stdout = "";
  beforeAll(async () => {
    fake = await startFakeBatch({ orchestrations: makeOrchestrations(30) });
    server = spawnServer([], batchEnv(fake.url));
    server.child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  });
  afterAll(async () => {
    server.child.stdin?.end();
    if (server.child.exitCode === null) server.child.kill("SIGTERM");
    await server.exited;
    await fake.close();
  });

  const send = (line: string) => new Promise<void>((resolve, reject) => server.child.stdin?.write(`${line}\n`, (e) => (e ? reject(e) : resolve())));
  const lines = () => stdout.split("\n").filter((line) => line !== "");

  it("answers each line without a stack trace, writes only JSON on stdout, and keeps serving", async () => {
    for (const line of messages(SEED + 1)) await send(line);
    // Then what a client would send: the handshake and a tools/list.
    await send(INITIALIZE);
    await send(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
    await send(JSON.stringify(TOOLS_LIST));
    const end = Date.now() + 15_000;
    const listed = () => lines().find((line) => line.includes('"final-list"'));
    while (listed() === undefined && server.child.exitCode === null && Date.now() < end) await new Promise((r) => setTimeout(r, 25));

    expect(server.child.exitCode).toBeNull();
    expect(listed()).toContain("list_orchestrations");
    for (const line of lines()) {
      expect(() => JSON.parse(line) as unknown, line.slice(0, 200)).not.toThrow();
      expect(line).not.toMatch(STACK_TRACE);
    }
  });
});
