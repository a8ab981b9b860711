// list_inapp_campaigns end to end: the built server over stdio, against the fake Batch.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInappCampaign, makeInappCampaigns } from "../fake-batch/factories.js";
import { API_KEY, expectNoSecrets, REST_KEY, startSession, structuredOf, textOf, type Session } from "./harness.js";

interface Listed {
  campaigns: Array<{ token: string; name: string; live: boolean; past_end_date?: true; trigger?: string; targeting: string; uri: string; end_date?: string }>;
  returned: number;
  has_more: boolean;
  cursor?: string;
  pages: number;
  totals: { live: number; not_live: number; live_past_end_date: number };
  warnings?: string[];
}

const listed = (result: { structuredContent?: unknown; isError?: boolean }) => structuredOf<Listed>(result);

const tokenOf = (c: Record<string, unknown>) => c.campaign_token as string;

describe("list_inapp_campaigns", () => {
  let s: Session;
  const data = makeInappCampaigns(1234);

  beforeAll(async () => {
    // Paging mechanics at large caps: a response budget this big never cuts first (response-budget.test.ts covers the default).
    s = await startSession({ fake: { inappCampaigns: data }, env: { BATCH_MCP_MAX_RESULT_CHARS: "1000000" } });
  });
  afterAll(() => s.close());

  it("is listed with described inputs, an output schema and read-only annotations", async () => {
    const { tools } = await s.client.listTools();
    const tool = tools.find((t) => t.name === "list_inapp_campaigns");
    expect(tool?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true, title: expect.any(String) });
    expect(tool?.outputSchema?.properties).toHaveProperty("campaigns");
    const props = tool?.inputSchema.properties as Record<string, { description?: string }>;
    for (const name of ["live", "from_api", "name_contains", "created_after", "created_before", "max_results", "cursor"]) {
      expect(props[name]?.description, name).toBeTruthy();
    }
  });

  it("sends the v1.1 route with the REST key in X-Authorization, offset paging and limit 100", async () => {
    s.fake.clearRequests();
    await s.call("list_inapp_campaigns", { live: true, from_api: false, max_results: 150 });
    const requests = s.fake.requests.filter((r) => r.route === "inapp-list");
    expect(requests.map((r) => r.query.from?.[0]).sort()).toEqual(["0", "100"]);
    for (const r of requests) {
      expect(r.path).toBe(`/1.1/${API_KEY}/in-app-campaigns/list`);
      expect(r.headers["x-authorization"]).toBe(REST_KEY);
      expect(r.query).toMatchObject({ limit: ["100"], live: ["true"], from_api: ["false"] });
    }
  });

  it("pages 1,234 campaigns to the cap and resumes to the end, in API order, with no gap or repeat", async () => {
    s.fake.clearRequests();
    const tokens: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const page = listed(await s.call("list_inapp_campaigns", { max_results: 500, ...(cursor && { cursor }) }));
      tokens.push(...page.campaigns.map((c) => c.token));
      expect(page.has_more).toBe(page.cursor !== undefined);
      cursor = page.cursor;
      calls++;
    } while (cursor);
    expect(calls).toBe(3);
    expect(tokens).toEqual(data.map(tokenOf));
    // 13 pages hold 1,234 campaigns. Prefetching stays within what each call needs, except
    // the last call, which cannot know where the data ends: at most 3 wasted requests there.
    const offsets = s.fake.requests.filter((r) => r.route === "inapp-list").map((r) => Number(r.query.from?.[0]));
    expect(offsets.filter((o) => o < 1300).sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i * 100));
    expect(offsets.length).toBeLessThanOrEqual(13 + 3);
  });

  it("fetches pages concurrently, bounded by BATCH_INAPP_CONCURRENCY", async () => {
    const slow = await startSession({ fake: { inappCampaigns: data, latencyMs: 40 }, env: { BATCH_INAPP_CONCURRENCY: "3", BATCH_MCP_MAX_RESULT_CHARS: "1000000" } });
    try {
      const page = listed(await slow.call("list_inapp_campaigns", { max_results: 1000 }));
      expect(page.campaigns.map((c) => c.token)).toEqual(data.slice(0, 1000).map(tokenOf));
      expect(slow.fake.maxConcurrent).toBe(3);
    } finally {
      await slow.close();
    }
  });

  it("keeps API order when pages complete out of order", async () => {
    s.fake.clearRequests();
    // The first two requests to arrive answer last.
    s.fake.script({ route: "inapp-list", nth: 1, fault: { kind: "delay", ms: 300 } }, { route: "inapp-list", nth: 2, fault: { kind: "delay", ms: 150 } });
    const page = listed(await s.call("list_inapp_campaigns", { max_results: 400 }));
    expect(s.fake.maxConcurrent).toBeGreaterThan(1);
    const byEnd = s.fake.requests.filter((r) => r.route === "inapp-list").sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
    const completionOrder = byEnd.map((r) => Number(r.query.from?.[0]));
    expect(completionOrder).not.toEqual([...completionOrder].sort((a, b) => a - b));
    expect(page.campaigns.map((c) => c.token)).toEqual(data.slice(0, 400).map(tokenOf));
  });

  it("reports progress once per page, in API order, when asked", async () => {
    const updates: Array<{ progress: number; message?: string }> = [];
    await s.call("list_inapp_campaigns", { max_results: 350 }, { onprogress: (p) => updates.push(p) });
    expect(updates.map((u) => u.progress)).toEqual([1, 2, 3]);
    expect(updates[2]?.message).toBe("Fetched 3 pages, 300 in-app campaigns so far");
  });

  it("stops at the first short page without asking for more", async () => {
    const small = await startSession({ fake: { inappCampaigns: makeInappCampaigns(250) }, env: { BATCH_MCP_MAX_RESULT_CHARS: "1000000" } });
    try {
      const page = listed(await small.call("list_inapp_campaigns", { max_results: 1000 }));
      expect(page.returned).toBe(250);
      expect(page.has_more).toBe(false);
      expect(page.cursor).toBeUndefined();
      const offsets = small.fake.requests.filter((r) => r.route === "inapp-list").map((r) => Number(r.query.from?.[0]));
      // 4 pages were in flight at once; nothing beyond the window was asked for.
      expect(Math.max(...offsets)).toBeLessThanOrEqual(300);
    } finally {
      await small.close();
    }
  });

  it("applies name and date filters locally and resumes mid-page exactly", async () => {
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = listed(await s.call("list_inapp_campaigns", { name_contains: "WELCOME", max_results: 37, ...(cursor && { cursor }) }));
      all.push(...page.campaigns.map((c) => c.name));
      cursor = page.cursor;
    } while (cursor);
    expect(all).toEqual(data.map((c) => c.name as string).filter((n) => n.toLowerCase().includes("welcome")));

    const dated = listed(await s.call("list_inapp_campaigns", { created_after: "2025-06-01", created_before: "2025-06-20", max_results: 1000 }));
    const expected = data.filter((c) => (c.created_date as string) >= "2025-06-01" && (c.created_date as string) < "2025-06-20");
    expect(dated.campaigns.map((c) => c.token)).toEqual(expected.map(tokenOf));
    expect(expected.length).toBeGreaterThan(5);
  });

  it("summarises trigger and targeting in words and flags live campaigns past their end date", async () => {
    const campaigns = [
      makeInappCampaign(0, {
        name: "Expired but live",
        live: true,
        end_date: "2020-01-31T17:30:00",
        trigger: { capping: 10, when: "next_session", grace_period: { every: 2, unit: "HOURS" } },
        query: { $or: [{ "isNear(45.7583907,4.8347867,30km)": true }, { "countForLabel(e.label_data, 'example')": 0 }] },
      }),
      makeInappCampaign(1, { name: "Future end", live: true, end_date: "2031-12-31T17:30:00", trigger: { when: "now" } }),
    ];
    delete campaigns[1]?.query;
    const one = await startSession({ fake: { inappCampaigns: campaigns } });
    try {
      const result = await one.call("list_inapp_campaigns", {});
      const page = listed(result);
      expect(page.campaigns[0]).toMatchObject({
        past_end_date: true,
        trigger: "next_session, max 10×, every 2 hours",
        targeting: "query: isNear(45.7583907,4.8347867,30km) OR countForLabel(e.label_data, 'example')=0",
        uri: `batch://inapp-campaigns/${campaigns[0]?.campaign_token as string}`,
      });
      expect(page.campaigns[1]).toMatchObject({ trigger: "now", targeting: "everyone" });
      expect(page.campaigns[1]?.past_end_date).toBeUndefined();
      expect(page.totals).toMatchObject({ live: 2, not_live: 0, live_past_end_date: 1 });
      const text = textOf(result);
      expect(text).toContain("Live: 2 (1 past their end date) | Not live: 0");
      expect(text).toMatch(/"Expired but live" live .*PAST END, still live/);
      expect(text).not.toMatch(/"Future end".*PAST END/);
    } finally {
      await one.close();
    }
  });

  it.each([
    [400, "code 31", /rejected the request/],
    [401, "code 10", /BATCH_REST_API_KEY.*BATCH_API_KEY/],
    [404, "code 20", /BATCH_API_KEY is wrong/],
    [500, "code 0", /server error/],
  ])("maps v1.1 error %i to an actionable sentence with Batch's %s, without leaking keys", async (status, code, expected) => {
    // Batch's own v1.1 error body (the fake's default for the status); 500 is retried 3 times.
    s.fake.script({ route: "inapp-list", times: status === 500 ? 4 : 1, fault: { kind: "status", status } });
    const result = await s.call("list_inapp_campaigns", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(expected);
    expect(textOf(result)).toContain(code);
    expectNoSecrets(JSON.stringify(result), s.stderr());
    // The server keeps serving.
    expect(listed(await s.call("list_inapp_campaigns", { max_results: 1 })).returned).toBe(1);
  });

  it("returns the pages before a failing page with a cursor that resumes at the failed page", async () => {
    s.fake.clearRequests();
    // The third page fails on every attempt, while pages around it are in flight.
    s.fake.script({ route: "inapp-list", query: { from: "200" }, times: 4, fault: { kind: "status", status: 500 } });
    const partial = await s.call("list_inapp_campaigns", { max_results: 1000 });
    const page = listed(partial);
    expect(partial.isError).toBeFalsy();
    expect(page.campaigns.map((c) => c.token)).toEqual(data.slice(0, 200).map(tokenOf));
    expect(page.warnings?.join(" ")).toMatch(/partial/);
    const rest = listed(await s.call("list_inapp_campaigns", { cursor: page.cursor, max_results: 1000 }));
    expect(rest.campaigns[0]?.token).toBe(tokenOf(data[200] ?? {}));
    expectNoSecrets(JSON.stringify(partial), JSON.stringify(rest), s.stderr());
  });

  it("names BATCH_API_KEY when it is not configured", async () => {
    const missing = await startSession({ env: { BATCH_API_KEY: undefined } });
    try {
      const result = await missing.call("list_inapp_campaigns", {});
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/BATCH_API_KEY is not set/);
      expect(missing.fake.requests).toHaveLength(0);
    } finally {
      await missing.close();
    }
  });

  it("refuses a cursor issued by list_orchestrations, and keeps serving", async () => {
    s.fake.setOrchestrations([{ id: "o1", name: "A", status: "running", type: "campaign" }, { id: "o2", name: "B", status: "running", type: "campaign" }]);
    const orch = await s.call("list_orchestrations", { max_results: 1 });
    const cursor = orch.structuredContent?.cursor as string;
    expect(cursor).toBeTruthy();
    const wrong = await s.call("list_inapp_campaigns", { cursor });
    expect(wrong.isError).toBe(true);
    expect(textOf(wrong)).toMatch(/belongs to list_orchestrations/);
    expect(listed(await s.call("list_inapp_campaigns", { max_results: 2 })).returned).toBe(2);
  });
});
