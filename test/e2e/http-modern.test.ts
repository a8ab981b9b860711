// Remote mode at 2026-07-28, end to end through the built bundle: a client pinned to the
// stateless era (no handshake, no fallback) lists, calls and reads over Streamable HTTP.
// The HTTP code is its own chunk with its own copy of the SDK; a server built by the main
// bundle must still be driven as a server there (every modern request once answered 500).

import { Client, StreamableHTTPClientTransport, type CallToolResult } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestrations } from "../fake-batch/factories.js";
import { structuredOf } from "./harness.js";
import { MCP_HEADERS, rawRequest, startHttpServer, type HttpServer } from "./http-harness.js";

const MODERN = "2026-07-28";

/** A raw 2026-07-28 request, as the conformance suite sends one. */
function modernRequest(method: string, params: Record<string, unknown> = {}) {
  return {
    headers: { ...MCP_HEADERS, "mcp-protocol-version": MODERN, "mcp-method": method },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 7,
      method,
      params: { ...params, _meta: { "io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": {} } },
    }),
  };
}

describe("remote mode at 2026-07-28", () => {
  let s: HttpServer;
  let client: Client;
  beforeAll(async () => {
    s = await startHttpServer({ fake: { orchestrations: makeOrchestrations(5) } });
    client = new Client({ name: "e2e-modern", version: "1.0.0" }, { versionNegotiation: { mode: { pin: MODERN } } });
    await client.connect(new StreamableHTTPClientTransport(s.url));
  });
  afterAll(async () => {
    await client.close();
    await s.close();
  });

  it("discovers, lists, calls a tool and reads what it listed", async () => {
    expect(client.getServerVersion()?.name).toBe("batch-mcp");
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("list_orchestrations");
    const result = (await client.callTool({ name: "list_orchestrations", arguments: { status: ["running"], max_results: 2 } })) as CallToolResult;
    const listed = structuredOf<{ orchestrations: Array<{ uri: string }> }>(result);
    expect(listed.orchestrations).toHaveLength(2);
    const read = await client.readResource({ uri: listed.orchestrations[0]!.uri });
    expect(read.contents[0]?.uri).toBe(listed.orchestrations[0]!.uri);
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain("audit_campaigns");
  });

  it("answers a raw server/discover with its versions and capabilities", async () => {
    const res = await rawRequest(s.url.href, { method: "POST", ...modernRequest("server/discover") });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { result: { supportedVersions: string[]; capabilities: Record<string, unknown> } };
    expect(body.result.supportedVersions).toContain(MODERN);
    expect(Object.keys(body.result.capabilities)).toEqual(expect.arrayContaining(["tools", "resources", "prompts"]));
  });

  it("answers a method this era removed (ping) with 404 and -32601", async () => {
    const res = await rawRequest(s.url.href, { method: "POST", ...modernRequest("ping") });
    expect(res.status).toBe(404);
    expect((JSON.parse(res.body) as { error: { code: number } }).error.code).toBe(-32601);
  });
});
