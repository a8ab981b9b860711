// The two budgets every call keeps, end to end: what the model is shown (text and links)
// stays under BATCH_MCP_MAX_RESULT_CHARS, and every call answers within
// BATCH_MCP_TIME_BUDGET_MS. A listing stopped by either resumes exactly through its cursor.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInappCampaigns, makeOrchestrations, makeStats } from "../fake-batch/factories.js";
import { shownChars } from "../../src/mcp/listing/budget.js";
import { startSession, structuredOf, textOf, type Session } from "./harness.js";

const ALL_STATUSES = ["draft", "running", "completed", "stopped"];
const DEFAULT_BUDGET = 40_000;

interface Listed {
  orchestrations?: Array<{ id: string; handle: string }>;
  campaigns?: Array<{ token: string; handle: string }>;
  returned: number;
  has_more: boolean;
  cursor?: string;
  stopped_by?: string;
}

const itemsOf = (page: Listed) => page.orchestrations?.map((o) => o.id) ?? page.campaigns?.map((c) => c.token) ?? [];
const handlesOf = (page: Listed) => page.orchestrations?.map((o) => o.handle) ?? page.campaigns?.map((c) => c.handle) ?? [];

describe("response budget", () => {
  let s: Session;
  const orchestrations = makeOrchestrations(5000);
  const campaigns = makeInappCampaigns(1500);

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, inappCampaigns: campaigns } });
  });
  afterAll(() => s.close());

  it.each([
    { tool: "list_orchestrations", args: { status: ALL_STATUSES }, data: orchestrations.map((o) => String(o.id)) },
    { tool: "list_inapp_campaigns", args: {}, data: campaigns.map((c) => String(c.campaign_token)) },
  ])("$tool: stops a 1,000-item request at the budget like a cap, and resumes across cuts with no item skipped or repeated", async ({ tool, args, data }) => {
    const seen: string[] = [];
    let next: Record<string, unknown> = { ...args, max_results: 1000 };
    let cuts = 0;
    for (let calls = 0; calls < 40; calls++) {
      const result = await s.call(tool, next);
      const page = structuredOf<Listed>(result);
      const text = textOf(result);
      expect(shownChars(result.content)).toBeLessThanOrEqual(DEFAULT_BUDGET);
      // The text shows exactly the structured items, by handle.
      const lines = text.split("\n").filter((l) => l.startsWith("- "));
      expect(lines.map((l) => l.slice(2).split(" ")[0])).toEqual(handlesOf(page));
      if (page.stopped_by === "response_budget") {
        cuts++;
        expect(page.returned).toBeLessThan(1000);
        expect(text.split("\n")[0]).toMatch(/from \d+ pages? \(stopped there to stay within the 40,000-character response budget\)\.$/);
      }
      seen.push(...itemsOf(page));
      if (!page.cursor) break;
      next = { cursor: page.cursor, max_results: 1000 };
    }
    expect(cuts).toBeGreaterThan(0);
    expect(seen).toEqual(data.slice(0, seen.length));
    if (tool === "list_inapp_campaigns") expect(seen).toEqual(data);
  });

  it("asks Batch for no page twice when continuing a listing cut mid-page", async () => {
    s.fake.clearRequests();
    let page = structuredOf<Listed>(await s.call("list_orchestrations", { status: ALL_STATUSES, max_results: 1000 }));
    let cuts = 0;
    for (let listed = page.returned; listed < 1000; listed += page.returned) {
      if (page.stopped_by === "response_budget") cuts++;
      page = structuredOf<Listed>(await s.call("list_orchestrations", { cursor: page.cursor, max_results: 1000 - listed }));
    }
    expect(cuts).toBeGreaterThan(1);
    // 1,000 items are 10 pages of 100, however many answers they took.
    expect(s.fake.requests.filter((r) => r.route === "orchestrations")).toHaveLength(10);
  });

  it("cuts a long daily series of statistics to fit, pointing to the structured content for the rest", async () => {
    const id = String(orchestrations[0]?.id);
    const start = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);
    const tight = await startSession({ fake: { stats: { [id]: makeStats(id, { days: 120, start, platforms: true, versions: true, steps: 3 }) } }, env: { BATCH_MCP_MAX_RESULT_CHARS: "5000" } });
    try {
      const result = await tight.call("get_orchestration_stats", { orchestration_id: id, from: start, group_by: "day" });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(shownChars(result.content)).toBeLessThanOrEqual(5000);
      expect(textOf(result)).toMatch(/^- … and \d+ days more, in the structured content \(narrow from\/to to read them here\)$/m);
      expect(structuredOf<{ days: unknown[] }>(result).days.length).toBeGreaterThanOrEqual(100);
    } finally {
      await tight.close();
    }
  });
});

describe("time budget", () => {
  // Each page takes 400 ms; a call may take 1.5 s (and show any number of characters, so only time stops it).
  const orchestrations = makeOrchestrations(1000);
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, latencyMs: 400 }, env: { BATCH_MCP_TIME_BUDGET_MS: "1500", BATCH_MCP_MAX_RESULT_CHARS: "1000000" } });
  });
  afterAll(() => s.close());

  it("answers with what it has when the budget runs out, with progress meanwhile, and resumes exactly", async () => {
    const updates: number[] = [];
    const first = await s.call("list_orchestrations", { status: ALL_STATUSES, max_results: 1000 }, { onprogress: (p) => updates.push(p.progress) });
    const page = structuredOf<Listed>(first);
    expect(page.stopped_by).toBe("time_budget");
    expect(page.returned).toBeGreaterThan(0);
    expect(page.returned % 100).toBe(0);
    expect(updates.length).toBe(page.returned / 100);
    expect(textOf(first).split("\n")[0]).toMatch(/\(stopped when the call's 1\.5 s time budget ran out\)\.$/);
    const seen = itemsOf(page);
    let cursor = page.cursor;
    while (cursor) {
      const next = structuredOf<Listed>(await s.call("list_orchestrations", { cursor, max_results: 1000 }));
      seen.push(...itemsOf(next));
      cursor = next.cursor;
    }
    expect(seen).toEqual(orchestrations.map((o) => o.id));
  });

  it("says Batch did not answer in time when no page arrived within the budget, and keeps serving", async () => {
    const slow = await startSession({ fake: { orchestrations, latencyMs: 3000 }, env: { BATCH_MCP_TIME_BUDGET_MS: "500" } });
    try {
      const result = await slow.call("list_orchestrations", {});
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^Batch did not answer list orchestrations within this call's time budget, so there is nothing to show yet\. .*BATCH_MCP_TIME_BUDGET_MS/);
      const stats = await slow.call("get_orchestration_stats", { orchestration_id: "orchestration_x", from: "2031-01-01", to: "2031-01-02" });
      expect(textOf(stats)).toMatch(/^The range 2031-01-01 to 2031-01-02 has not happened yet \(today is \d{4}-\d{2}-\d{2}, UTC\)/);
    } finally {
      await slow.close();
    }
  });
});
