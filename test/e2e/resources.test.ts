// Resources end to end: listed items become readable resources with their raw Batch
// object, unlisted ones are found by paging, and resources/list, completion and
// list-changed notifications reflect what the session has seen.
import { ProtocolError } from "@modelcontextprotocol/server";
import type { ReadResourceResult } from "@modelcontextprotocol/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInappCampaigns, makeOrchestrations } from "../fake-batch/factories.js";
import { expectNoSecrets, isResourceNotFound, startSession, textOf, type Session } from "./harness.js";

const ORCHESTRATION_TEMPLATE = "batch://orchestrations/{id}";

interface ReadBody {
  fetched_at: string;
  source: "cache" | "batch";
  item: Record<string, unknown>;
}

function body(result: ReadResourceResult): ReadBody {
  const content = result.contents[0];
  if (!content || !("text" in content)) throw new Error("no text content");
  expect(content.mimeType).toBe("application/json");
  return JSON.parse(content.text) as ReadBody;
}

async function readError(s: Session, uri: string): Promise<ProtocolError> {
  const error = await s.client.readResource({ uri }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProtocolError)) throw new Error(`expected an McpError, got ${String(error)}`);
  return error;
}

describe("orchestration resources", () => {
  let s: Session;
  // 2,345 items in 24 pages; the default listing (running, completed) never shows drafts.
  const data = makeOrchestrations(2345);
  const draftDeep = data.slice(1500).find((o) => o.status === "draft");

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations: data } });
  });
  afterAll(() => s.close());

  it("offers a described application/json template", async () => {
    const { resourceTemplates } = await s.client.listResourceTemplates();
    expect(resourceTemplates.find((t) => t.uriTemplate === ORCHESTRATION_TEMPLATE)).toMatchObject({
      name: "orchestration",
      title: expect.any(String),
      description: expect.stringContaining("orchestration"),
      mimeType: "application/json",
    });
  });

  it("links the first 10 listed items after the text, by quoted name and URI only, and says so", async () => {
    const result = await s.call("list_orchestrations", { max_results: 30 });
    expect(result.content[0]?.type).toBe("text");
    const links = result.content.filter((c) => c.type === "resource_link");
    expect(links).toHaveLength(10);
    expect(result.content.slice(1)).toEqual(links);
    const listed = (result.structuredContent as { orchestrations: Array<{ uri: string; name: string }> }).orchestrations;
    expect(links.map((l) => l.uri)).toEqual(listed.slice(0, 10).map((o) => o.uri));
    expect(links[0]).toEqual({ type: "resource_link", uri: listed[0]?.uri, name: JSON.stringify(listed[0]?.name), mimeType: "application/json" });
    expect(textOf(result)).toContain("Links for the first 10; every item's uri (structured content) is a readable resource.");
  });

  it("reads a listed orchestration from the cache, as Batch returned it", async () => {
    const listed = await s.call("list_orchestrations", { max_results: 3 });
    const link = listed.content.find((c) => c.type === "resource_link");
    if (link?.type !== "resource_link") throw new Error("no resource link");
    s.fake.clearRequests();
    const read = body(await s.client.readResource({ uri: link.uri }));
    expect(read.source).toBe("cache");
    expect(read.item).toEqual(data.find((o) => `batch://orchestrations/${String(o.id)}` === link.uri));
    expect(Date.parse(read.fetched_at)).not.toBeNaN();
    expect(s.fake.requests).toHaveLength(0);
  });

  it("finds an orchestration never listed by paging over every status and type, then caches it", async () => {
    if (!draftDeep) throw new Error("fixture has no deep draft");
    s.fake.clearRequests();
    const uri = `batch://orchestrations/${String(draftDeep.id)}`;
    const first = body(await s.client.readResource({ uri }));
    expect(first).toMatchObject({ source: "batch", item: draftDeep });
    const requests = s.fake.requests.filter((r) => r.route === "orchestrations");
    expect(requests.length).toBeGreaterThan(1);
    expect(requests[0]?.query).toMatchObject({
      status: ["draft", "running", "completed", "stopped"],
      type: ["campaign", "recurring", "trigger", "warmup"],
    });
    expect(body(await s.client.readResource({ uri })).source).toBe("cache");
    expectNoSecrets(JSON.stringify(first), s.stderr());
  });

  it("answers an id Batch does not have with a resource-not-found error naming it", async () => {
    const error = await readError(s, "batch://orchestrations/orchestration_missing");
    expect(isResourceNotFound(error)).toBe(true);
    expect(error.message).toContain('"orchestration_missing"');
  });

  it("rejects a URI whose id is not valid percent-encoding", async () => {
    expect((await readError(s, "batch://orchestrations/%zz")).code).toBe(-32602);
  });

  it("lists what the session has seen, newest first, in pages with a cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      // One page per request: the v2 client's listResources() gathers every page itself.
      const page = await s.client.request({ method: "resources/list", params: cursor ? { cursor } : {} });
      expect(page.resources.length).toBeLessThanOrEqual(100);
      seen.push(...page.resources.map((r) => r.uri));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    // The paging search cached every orchestration: 2,345 resources, none repeated.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(data.length);
    expect(pages).toBe(24);
    const { resources } = await s.client.listResources();
    expect(resources[0]).toMatchObject({ mimeType: "application/json", name: expect.any(String) });
  });

  it("rejects a resources/list cursor it did not issue", async () => {
    await expect(s.client.listResources({ cursor: "bogus" })).rejects.toMatchObject({ code: -32602 });
  });

  it("completes the {id} variable from the cache by prefix", async () => {
    const id = String(data[7]?.id);
    const prefix = id.slice(0, "orchestration_".length + 2);
    const { completion } = await s.client.complete({ ref: { type: "ref/resource", uri: ORCHESTRATION_TEMPLATE }, argument: { name: "id", value: prefix } });
    expect(completion.values).toContain(id);
    expect(completion.values.length).toBeLessThanOrEqual(100);
    for (const value of completion.values) expect(value.startsWith(prefix)).toBe(true);
  });
});

describe("in-app campaign resources", () => {
  let s: Session;
  const INAPP_TEMPLATE = "batch://inapp-campaigns/{token}";
  // The list strips targeting and landing; the GET by token returns them.
  const data = makeInappCampaigns(60, (i) => (i === 50 ? { landing: { theme: "dark", title: { en: "Hello" } }, targeting: { segments: ["vip"] } } : {}));
  const unlisted = data[50];

  beforeAll(async () => {
    s = await startSession({ fake: { inappCampaigns: data } });
  });
  afterAll(() => s.close());

  it("offers a described application/json template", async () => {
    const { resourceTemplates } = await s.client.listResourceTemplates();
    expect(resourceTemplates.find((t) => t.uriTemplate === INAPP_TEMPLATE)).toMatchObject({ title: expect.any(String), mimeType: "application/json" });
  });

  it("reads a listed campaign from the cache and links it from the listing", async () => {
    const result = await s.call("list_inapp_campaigns", { max_results: 10 });
    const links = result.content.filter((c) => c.type === "resource_link");
    expect(links).toHaveLength(10);
    expect(textOf(result)).not.toContain("links for the first");
    const uri = links[0]?.type === "resource_link" ? links[0].uri : "";
    expect(uri).toBe(`batch://inapp-campaigns/${String(data[0]?.campaign_token)}`);
    s.fake.clearRequests();
    const read = body(await s.client.readResource({ uri }));
    expect(read).toMatchObject({ source: "cache", item: { campaign_token: data[0]?.campaign_token, name: data[0]?.name } });
    expect(s.fake.requests).toHaveLength(0);
  });

  it("gets a campaign never listed by token, with its detail fields", async () => {
    s.fake.clearRequests();
    const uri = `batch://inapp-campaigns/${String(unlisted?.campaign_token)}`;
    const read = body(await s.client.readResource({ uri }));
    expect(read).toMatchObject({ source: "batch", item: unlisted });
    expect(s.fake.requests.map((r) => r.route)).toEqual(["inapp-get"]);
    expect(body(await s.client.readResource({ uri })).source).toBe("cache");
    expectNoSecrets(JSON.stringify(read), s.stderr());
  });

  it("answers a token Batch does not know with a resource-not-found error naming it", async () => {
    const error = await readError(s, "batch://inapp-campaigns/0000deadbeef");
    expect(isResourceNotFound(error)).toBe(true);
    expect(error.message).toContain('"0000deadbeef"');
    expectNoSecrets(error.message, s.stderr());
  });

  it("completes the {token} variable from the cache", async () => {
    const token = String(data[3]?.campaign_token);
    const { completion } = await s.client.complete({ ref: { type: "ref/resource", uri: INAPP_TEMPLATE }, argument: { name: "token", value: token.slice(0, 1) } });
    expect(completion.values).toContain(token);
    for (const value of completion.values) expect(value.startsWith(token.slice(0, 1))).toBe(true);
  });
});

describe("resource list-changed notifications", () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations: makeOrchestrations(20) } });
  });
  afterAll(() => s.close());

  it("declares the capability and notifies once new items enter the cache", async () => {
    expect(s.client.getServerCapabilities()?.resources?.listChanged).toBe(true);
    let notifications = 0;
    const notified = new Promise<void>((resolve) =>
      s.client.setNotificationHandler('notifications/resources/list_changed', () => {
        notifications++;
        resolve();
      }),
    );
    await s.call("list_orchestrations", { max_results: 5 });
    await notified;
    expect(notifications).toBe(1);
    expect((await s.client.listResources()).resources).toHaveLength(5);
  });
});

describe("resource reads when Batch cannot be asked", () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ env: { BATCH_API_KEY: undefined } });
  });
  afterAll(() => s.close());

  it("answers with an error naming the missing variable, and the server keeps serving", async () => {
    const error = await readError(s, "batch://inapp-campaigns/70448bafec76439d534ec98ea7ab712c");
    expect(error.code).toBe(-32603);
    expect(error.message).toContain("BATCH_API_KEY");
    expect((await s.client.listResources()).resources).toEqual([]);
  });
});
