// Both protocol eras, over both transports, from the same tests: a 2026-07-28 client (pinned:
// no handshake, its version and capabilities in each request's `_meta`) and a 2025-11-25 one
// (the `initialize` handshake) see the same tools, resources, prompts and answers. What
// differs is what the revision itself adds: cache hints on list and read results.

import type { Client, ClientOptions } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInappCampaigns, makeOrchestrations } from "../fake-batch/factories.js";
import { isResourceNotFound, startSession, structuredOf, textOf, type CallToolResult, type Session } from "./harness.js";
import { startHttpServer, type HttpServer } from "./http-harness.js";

const ERAS = [
  { era: "2025-11-25 (handshake)", modern: false, client: { versionNegotiation: { mode: "legacy" } } },
  { era: "2026-07-28 (pinned)", modern: true, client: { versionNegotiation: { mode: { pin: "2026-07-28" } } } },
] satisfies Array<{ era: string; modern: boolean; client: ClientOptions }>;

const TOOLS = ["list_orchestrations", "list_inapp_campaigns", "get_orchestration_stats", "compare_orchestrations", "get_campaign_content"];
const data = makeOrchestrations(250);
const inapp = makeInappCampaigns(5);

interface Under {
  client: Client;
  call(name: string, args: Record<string, unknown>, options?: { onprogress?: (p: { progress: number }) => void }): Promise<CallToolResult>;
  close(): Promise<void>;
}

async function overStdio(client: ClientOptions): Promise<Under> {
  const s: Session = await startSession({ fake: { orchestrations: data, inappCampaigns: inapp }, client });
  return { client: s.client, call: (n, a, o) => s.call(n, a, o), close: () => s.close() };
}

async function overHttp(client: ClientOptions): Promise<Under> {
  const server: HttpServer = await startHttpServer({ fake: { orchestrations: data, inappCampaigns: inapp } });
  const c = await server.connect(undefined, client);
  return {
    client: c,
    call: async (name, args, options) => (await c.callTool({ name, arguments: args }, options)) as CallToolResult,
    close: async () => {
      await c.close();
      await server.close();
    },
  };
}

describe.each([
  { transport: "stdio", start: overStdio },
  { transport: "Streamable HTTP", start: overHttp },
])("over $transport", ({ transport, start }) => {
  describe.each(ERAS)("a $era client", ({ modern, client }) => {
    let u: Under;
    beforeAll(async () => {
      u = await start(client);
    });
    afterAll(() => u.close());

    it("lists the tools in a fixed order, each read-only with a title", async () => {
      const { tools } = await u.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(TOOLS);
      for (const tool of tools) {
        expect(tool.title).toBeTruthy();
        expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
        expect(tool.outputSchema).toBeTruthy();
      }
    });

    it("names itself: title, description, website and icon", () => {
      expect(u.client.getServerVersion()).toMatchObject({ name: "batch-mcp", title: expect.any(String), description: expect.any(String), websiteUrl: expect.any(String) });
      expect(u.client.getServerVersion()?.icons?.[0]?.src).toMatch(/^data:image\/svg\+xml;base64,/);
    });

    it("answers a listing with progress per page", async () => {
      const progress: number[] = [];
      const result = await u.call("list_orchestrations", { status: ["running", "completed", "draft", "stopped"], max_results: 150 }, { onprogress: (p) => progress.push(p.progress) });
      expect(structuredOf<{ returned: number }>(result).returned).toBe(150);
      expect(textOf(result)).toMatch(/^150 orchestrations from 2 pages/);
      expect(progress.length).toBeGreaterThan(0);
    });

    it("reads a listed item, and says resource-not-found with the URI for a missing one", async () => {
      const id = String(data[0]?.id);
      const read = await u.client.readResource({ uri: `batch://orchestrations/${id}` });
      expect(JSON.parse(String((read.contents[0] as { text?: string }).text)).item.id).toBe(id);
      const error = (await u.client.readResource({ uri: "batch://orchestrations/orchestration_missing" }).then(
        () => undefined,
        (e: unknown) => e,
      )) as { code?: number; data?: unknown };
      expect(isResourceNotFound(error)).toBe(true);
      expect(error.data).toEqual({ uri: "batch://orchestrations/orchestration_missing" });
    });

    it("offers the templates and the audit prompt, and completes ids", async () => {
      const { resourceTemplates } = await u.client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(expect.arrayContaining(["batch://orchestrations/{id}", "batch://inapp-campaigns/{token}"]));
      const prompt = await u.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations" } });
      expect(prompt.messages[0]?.role).toBe("user");
      const id = String(data[1]?.id);
      const completion = await u.client.complete({ ref: { type: "ref/resource", uri: "batch://orchestrations/{id}" }, argument: { name: "id", value: id.slice(0, 18) } });
      expect(completion.completion.values).toContain(id);
    });

    it(modern ? "puts cache hints on list results: public for tools, private for resources" : "sends no cache hints, as the handshake era has none", async () => {
      const tools = (await u.client.request({ method: "tools/list", params: {} })) as Record<string, unknown>;
      const resources = (await u.client.request({ method: "resources/list", params: {} })) as Record<string, unknown>;
      if (modern) {
        expect(tools).toMatchObject({ ttlMs: expect.any(Number), cacheScope: "public" });
        expect(resources).toMatchObject({ cacheScope: "private" });
        expect(tools.ttlMs as number).toBeGreaterThan(resources.ttlMs as number);
      } else {
        expect(tools).not.toHaveProperty("ttlMs");
        expect(resources).not.toHaveProperty("cacheScope");
      }
    });

    // A stateless handshake-era HTTP exchange ends with its answer: there is no stream to tell later.
    it.skipIf(!modern && transport !== "stdio")(
      modern ? "tells a subscriptions/listen stream when a listing adds resources" : "sends resources/list_changed when a listing adds resources",
      async () => {
        let heard = 0;
        u.client.setNotificationHandler("notifications/resources/list_changed", async () => {
          heard++;
        });
        const subscription = modern ? await u.client.listen({ resourcesListChanged: true }) : undefined;
        if (subscription) expect(subscription.honoredFilter).toMatchObject({ resourcesListChanged: true });
        try {
          // In-app campaigns: no earlier test listed any.
          expect(structuredOf<{ returned: number }>(await u.call("list_inapp_campaigns", {})).returned).toBe(5);
          await expect.poll(() => heard, { timeout: 5_000 }).toBeGreaterThan(0);
        } finally {
          await subscription?.close();
        }
      },
    );

    it("stops a call the client cancels, and keeps serving", async () => {
      const controller = new AbortController();
      const call = u.client.callTool({ name: "compare_orchestrations", arguments: { status: ["running", "completed", "draft", "stopped"] } }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 5);
      await expect(call).rejects.toThrow();
      expect(structuredOf<{ returned: number }>(await u.call("list_orchestrations", { max_results: 1 })).returned).toBe(1);
    });
  });
});
