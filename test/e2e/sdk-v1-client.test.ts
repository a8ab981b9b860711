// Clients still on SDK 1.x (most installed hosts today) speak only the handshake era: they
// reach the server over stdio and HTTP, list and call tools, read resources and get the prompt
// as before. The v1 client comes from the `mcp-sdk-v1` alias of @modelcontextprotocol/sdk.

import { Client } from "mcp-sdk-v1/client/index.js";
import { StdioClientTransport } from "mcp-sdk-v1/client/stdio.js";
import { StreamableHTTPClientTransport } from "mcp-sdk-v1/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeBatch, type FakeBatch } from "../../src/fake-batch/index.js";
import { makeOrchestrations } from "../fake-batch/factories.js";
import { batchEnv, startHttpServer, type HttpServer } from "./http-harness.js";
import { expectNoSecrets, SERVER_ENTRY } from "./harness.js";

const data = makeOrchestrations(12);

async function checkEverything(client: Client): Promise<void> {
  expect(client.getServerVersion()).toMatchObject({ name: "batch-mcp" });
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).slice(0, 4)).toEqual(["list_orchestrations", "list_inapp_campaigns", "get_orchestration_stats", "compare_orchestrations"]);
  const result = await client.callTool({ name: "list_orchestrations", arguments: { status: ["running", "completed", "draft", "stopped"] } });
  expect((result.structuredContent as { returned: number }).returned).toBe(12);
  const id = String(data[0]?.id);
  const read = await client.readResource({ uri: `batch://orchestrations/${id}` });
  expect(read.contents[0]?.uri).toBe(`batch://orchestrations/${id}`);
  // The SDK v2 server says "not found" as 2026-07-28 requires, -32602 with the URI, in every era.
  await expect(client.readResource({ uri: "batch://orchestrations/orchestration_missing" })).rejects.toMatchObject({ code: -32602 });
  const prompt = await client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations" } });
  expect(prompt.messages[0]?.content).toMatchObject({ type: "text" });
  expectNoSecrets(JSON.stringify(result), JSON.stringify(prompt));
}

describe("an SDK 1.x client over stdio", () => {
  let fake: FakeBatch;
  let client: Client;
  beforeAll(async () => {
    fake = await startFakeBatch({ orchestrations: data });
    client = new Client({ name: "v1-client", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [SERVER_ENTRY], env: batchEnv(fake.url), stderr: "pipe" }));
  });
  afterAll(async () => {
    await client.close();
    await fake.close();
  });

  it("lists, calls, reads and gets the prompt as before", () => checkEverything(client));
});

describe("an SDK 1.x client over Streamable HTTP", () => {
  let server: HttpServer;
  let client: Client;
  beforeAll(async () => {
    server = await startHttpServer({ fake: { orchestrations: data } });
    client = new Client({ name: "v1-client", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(server.url));
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it("lists, calls, reads and gets the prompt as before", () => checkEverything(client));
});
