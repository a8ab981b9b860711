// totals_only end to end: "how many push campaigns did we run this year?" answered by
// counting, not listing. The counts equal what a full listing totals, with no item lines
// and no item array, and they carry over cursors when a budget stops the scan.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInappCampaigns, makeOrchestrations } from "../fake-batch/factories.js";
import { startSession, structuredOf, textOf, type Session } from "./harness.js";

const ALL_STATUSES = ["draft", "running", "completed", "stopped"];

interface Counted {
  orchestrations?: unknown[];
  campaigns?: unknown[];
  returned: number;
  scanned?: number;
  has_more: boolean;
  cursor?: string;
  pages: number;
  totals: Record<string, unknown>;
  created_span?: { first: string; last: string };
}

/** Follows cursors to the end; returns the last result (items or totals). */
async function drain(s: Session, tool: string, args: Record<string, unknown>, onItems?: (page: Counted) => void): Promise<Counted> {
  let page = structuredOf<Counted>(await s.call(tool, args));
  onItems?.(page);
  while (page.cursor) {
    page = structuredOf<Counted>(await s.call(tool, { cursor: page.cursor, max_results: args.max_results }));
    onItems?.(page);
  }
  return page;
}

/** Adds the numbers of totals objects key by key, as a reference for a listing's pages. */
function sum(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = typeof v === "number" ? ((out[k] as number | undefined) ?? 0) + v : sum((out[k] as Record<string, unknown> | undefined) ?? {}, v as Record<string, unknown>);
  }
  return out;
}

describe("totals_only", () => {
  const orchestrations = makeOrchestrations(2345);
  const campaigns = makeInappCampaigns(1234);
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, inappCampaigns: campaigns } });
  });
  afterAll(() => s.close());

  it.each([
    { tool: "list_orchestrations", args: { status: ALL_STATUSES, channels: ["push"] }, total: orchestrations.filter((o) => (o.channels as string[]).includes("push")).length },
    { tool: "list_inapp_campaigns", args: { live: true }, total: campaigns.filter((c) => c.live === true).length },
  ])("$tool: counts equal a full listing's, with no item lines and no item array", async ({ tool, args, total }) => {
    let listedTotals: Record<string, unknown> = {};
    let listedCount = 0;
    await drain(s, tool, { ...args, max_results: 1000 }, (page) => {
      listedTotals = sum(listedTotals, page.totals);
      listedCount += page.returned;
    });
    expect(listedCount).toBe(total);

    s.fake.clearRequests();
    const result = await s.call(tool, { ...args, totals_only: true, max_results: 10_000 });
    const counted = structuredOf<Counted>(result);
    expect(counted).toMatchObject({ returned: 0, scanned: total, has_more: false, totals: listedTotals });
    expect(counted.orchestrations ?? counted.campaigns).toBeUndefined();
    const span = counted.created_span;
    expect(span && Date.parse(span.first) < Date.parse(span.last)).toBe(true);
    const text = textOf(result);
    expect(text.split("\n")[0]).toMatch(new RegExp(`^Totals of ${total.toLocaleString("en-US")} matching .+, from \\d+ pages\\.$`));
    expect(text).toMatch(/^Created between \d+ \w+ \d{4} and \d+ \w+ \d{4} \(UTC\)\.$/m);
    expect(text.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(0);
    expect(result.content.filter((c) => c.type === "resource_link")).toHaveLength(0);
  });

  it("carries counts over the cursor when max_results stops the scan, so the last answer covers everything", async () => {
    const first = structuredOf<Counted>(await s.call("list_orchestrations", { status: ALL_STATUSES, totals_only: true, max_results: 1000 }));
    expect(first).toMatchObject({ scanned: 1000, has_more: true });
    const last = await drain(s, "list_orchestrations", { status: ALL_STATUSES, totals_only: true, max_results: 1000 });
    expect(last.scanned).toBe(2345);
    const byStatus = last.totals.by_status as Record<string, number>;
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(2345);
    // A counting cursor does not turn into a listing one, nor the reverse.
    const mixed = await s.call("list_orchestrations", { cursor: first.cursor, totals_only: false });
    expect(mixed.isError).toBe(true);
    expect(textOf(mixed)).toMatch(/totals_only true/);
  });

  it("reports progress per page while counting", async () => {
    const updates: number[] = [];
    await s.call("list_inapp_campaigns", { totals_only: true, max_results: 10_000 }, { onprogress: (p) => updates.push(p.progress) });
    expect(updates).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });
});
