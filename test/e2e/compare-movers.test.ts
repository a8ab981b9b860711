// compare_orchestrations against the previous period, end to end: the biggest fall first,
// each row's move, both periods pooled, min_delivered in both, and no more requests than
// without the comparison.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestration, plantedStats, type PlantedTotals } from "../fake-batch/factories.js";
import { startSession, structuredOf, textOf, type Session } from "./harness.js";

type Json = Record<string, unknown>;
const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);
const TODAY = daysAgo(0);

function figures(sent: number, { open = 0.2, click = 0.02 } = {}): PlantedTotals {
  return { sent, delivered: sent, unique_open: Math.round(sent * open), unique_click: Math.round(sent * click), total_bounce: 0, unsubscribe: 0 };
}

/** `before` over the 30 days before the default range, `after` over the range. */
function twoPeriods(id: string, before: PlantedTotals, after: PlantedTotals): Json {
  const details = (totals: PlantedTotals, start: string) => plantedStats(id, totals, { days: 30, start }).details as Json[];
  return { id, details: [...details(before, daysAgo(59)), ...details(after, daysAgo(29))] };
}

// Open rates before -> after: fell by 15 points, held, rose by 5, and one too small before to judge.
const PLANTED: Record<string, [PlantedTotals, PlantedTotals]> = {
  fell: [figures(30_000, { open: 0.25 }), figures(30_000, { open: 0.1 })],
  held: [figures(30_000, { open: 0.3 }), figures(30_000, { open: 0.3 })],
  rose: [figures(30_000, { open: 0.15 }), figures(30_000, { open: 0.2 })],
  fresh: [figures(300, { open: 0.1 }), figures(30_000, { open: 0.5 })],
};
const KEYS = Object.keys(PLANTED);
const id = (key: string) => `orchestration_${key}`;
const orchestrations = KEYS.map((key, i) => makeOrchestration(i, { id: id(key), name: `Planted ${key}`, status: "running", type: "recurring" }));
const stats = Object.fromEntries(KEYS.map((key) => [id(key), twoPeriods(id(key), ...(PLANTED[key] ?? [{}, {}]))]));

interface Row {
  id: string;
  rank: number;
  value: number | null;
  previous_value?: number | null;
  change_points?: number | null;
  relative_change?: number | null;
  significant?: boolean;
}
interface Compare {
  rows: Row[];
  excluded: Array<{ id: string; kind: string; reason: string }>;
  portfolio: { totals: Record<string, number>; previous?: { totals: Record<string, number>; changes: Record<string, { change_points?: number | null; significant?: boolean }> } };
  previous_range?: { from: string; to: string; days: number };
  order: string;
  cursor?: string;
}

const statsRequests = (s: Session) => s.fake.requests.filter((r) => r.route === "stats").map((r) => ({ id: r.query.orchestration_id?.[0], from: r.query.from?.[0], to: r.query.to?.[0] }));

describe("compare_orchestrations against the previous period", () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, stats } });
    await s.client.listTools();
  });
  afterAll(() => s.close());

  it("lists compare_to and order with descriptions", async () => {
    const tool = (await s.client.listTools()).tools.find((t) => t.name === "compare_orchestrations");
    const props = tool?.inputSchema.properties as Record<string, { description?: string; enum?: string[] }>;
    expect(props.compare_to?.enum).toEqual(["previous_period"]);
    expect(props.order?.enum).toEqual(["value", "drop", "rise"]);
    expect(props.order?.description).toMatch(/largest fall/);
  });

  it('puts the biggest fall first with order "drop", each row with its previous value and move, at one request per orchestration', async () => {
    s.fake.clearRequests();
    const result = await s.call("compare_orchestrations", { orchestration_ids: KEYS.map(id), compare_to: "previous_period", order: "drop" });
    const c = structuredOf<Compare>(result);
    expect(statsRequests(s)).toEqual(KEYS.map((key) => ({ id: id(key), from: daysAgo(59), to: TODAY })));
    expect(c.order).toBe("drop");
    expect(c.previous_range).toEqual({ from: daysAgo(59), to: daysAgo(30), days: 30 });
    expect(c.rows.map((r) => r.id)).toEqual([id("fell"), id("held"), id("rose")]);
    expect(c.rows[0]).toMatchObject({ rank: 1, value: 0.1, previous_value: 0.25, change_points: -15, significant: true });
    expect(c.rows[1]).toMatchObject({ previous_value: 0.3, change_points: 0, significant: false });
    expect(c.rows[2]).toMatchObject({ previous_value: 0.15, change_points: 5, significant: true });

    // min_delivered holds in both periods: 300 delivered before is too few.
    expect(c.excluded).toEqual([{ id: id("fresh"), name: "Planted fresh", kind: "small_sample", reason: "30,000 delivered in the range and 300 in the previous period; each needs min_delivered 1,000 to rank on a rate." }]);
    expect(c.portfolio.totals.sent).toBe(90_000);
    expect(c.portfolio.previous?.totals.sent).toBe(90_000);
    expect(c.portfolio.previous?.changes.open_rate).toMatchObject({ change_points: -3.33, significant: true });

    const lines = textOf(result).split("\n");
    expect(lines[0]).toMatch(/^Compared 3 orchestrations by open rate, the largest fall since the previous 30 days first; .+ Against the previous 30 days \(/);
    expect(lines[1]).toBe("| # | name | handle | sent | delivered | open | open before | change | click | unsubscribe |");
    expect(lines[3]).toMatch(/^\| 1 \| "Planted fell" \| [a-z]+ \| 30,000 \| 30,000 \| 10\.0% \| 25\.0% \| -15\.0 pts \(significant\) \| /);
    expect(lines).toContain("The same 3 orchestrations over the previous 30 days: sent 90,000 (0.0%) · delivered 90,000 (0.0%) · open 23.3% (-3.3 pts, significant) · click 2.0% (0.0 pts, not significant) · unsubscribe 0.0% (0.0 pts, not significant).");
  });

  it("asks exactly as many requests as without compare_to, and none again for the same comparison", async () => {
    s.fake.clearRequests();
    await s.call("compare_orchestrations", { orchestration_ids: KEYS.map(id), from: daysAgo(20), to: daysAgo(1) });
    const without = statsRequests(s).length;
    s.fake.clearRequests();
    await s.call("compare_orchestrations", { orchestration_ids: KEYS.map(id), from: daysAgo(20), to: daysAgo(1), compare_to: "previous_period" });
    expect(statsRequests(s)).toHaveLength(without);
    expect(without).toBe(KEYS.length);
    s.fake.clearRequests();
    await s.call("compare_orchestrations", { orchestration_ids: KEYS.map(id), compare_to: "previous_period", order: "rise" });
    expect(statsRequests(s)).toEqual([]);
  });

  it('compares with the previous period for order "rise" even without compare_to, and its cursor keeps comparing', async () => {
    const first = structuredOf<Compare>(await s.call("compare_orchestrations", { orchestration_ids: [id("held"), id("rose"), id("fell")], order: "rise", max_orchestrations: 2 }));
    expect(first.rows.map((r) => r.id)).toEqual([id("rose"), id("held")]);
    expect(first.rows.every((r) => r.change_points !== undefined)).toBe(true);
    expect(first.cursor).toBeDefined();
    const rest = structuredOf<Compare>(await s.call("compare_orchestrations", { cursor: first.cursor }));
    expect(rest.order).toBe("rise");
    expect(rest.previous_range).toEqual(first.previous_range);
    expect(rest.rows).toEqual([expect.objectContaining({ id: id("fell"), change_points: -15 })]);
  });

  it("gives counts their relative change", async () => {
    const c = structuredOf<Compare>(await s.call("compare_orchestrations", { orchestration_ids: KEYS.map(id), rank_by: "sent", compare_to: "previous_period", order: "rise" }));
    expect(c.rows[0]).toMatchObject({ id: id("fresh"), value: 30_000, previous_value: 300, relative_change: 99 });
    expect(c.rows[0]).not.toHaveProperty("change_points");
  });
});
