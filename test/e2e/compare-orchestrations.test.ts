// compare_orchestrations end to end: planted figures per orchestration in the fake Batch,
// ranked through the built server over stdio.

import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestration, plantedStats } from "../fake-batch/factories.js";
import { expectNoSecrets, startSession, structuredOf, textOf, type Session } from "./harness.js";

const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

interface Compare {
  rows: Array<{ rank: number; id: string; name?: string; type?: string; value: number | null; totals: Record<string, number>; rates: Record<string, { value: number | null }> }>;
  excluded: Array<{ id: string; kind: string; reason: string }>;
  portfolio: { orchestrations: number; totals: Record<string, number>; medians: Record<string, { value: number }>; outlier_rule: string };
  outliers: Array<{ id: string; rate: string; direction: string; better: boolean }>;
  range: { from: string; to: string; days: number };
  rank_by: string;
  cursor?: string;
}
const compared = (r: Parameters<typeof structuredOf>[0]) => structuredOf<Compare>(r);

/** sent, delivered = sent - bounces, and rates of delivered. */
function figures(sent: number, { open = 0.2, click = 0.02, bounce = 0.02, unsub = 0.002 } = {}) {
  const total_bounce = Math.round(sent * bounce);
  const delivered = sent - total_bounce;
  return { sent, delivered, total_bounce, unique_open: Math.round(delivered * open), unique_click: Math.round(delivered * click), unsubscribe: Math.round(delivered * unsub) };
}

// Each wins on something different, so every metric gives its own order.
const PLANTED = {
  big: figures(40_000, { open: 0.15, click: 0.03, bounce: 0.01, unsub: 0.001 }),
  opener: figures(10_000, { open: 0.35, click: 0.02, bounce: 0.02, unsub: 0.003 }),
  bouncy: figures(8_000, { open: 0.2, click: 0.01, bounce: 0.12, unsub: 0.002 }),
  quitter: figures(6_000, { open: 0.18, click: 0.025, bounce: 0.03, unsub: 0.02 }),
  tiny: figures(60, { open: 0.9, click: 0.5 }),
} as const;
type Key = keyof typeof PLANTED;
const KEYS = Object.keys(PLANTED) as Key[];

const orchestrations = KEYS.map((key, i) =>
  makeOrchestration(i, { id: `orchestration_${key}`, name: `Planted ${key}`, status: "running", type: "campaign", labels: key === "tiny" || key === "opener" ? ["TEST"] : ["PROD"] }),
);
const stats = Object.fromEntries(KEYS.map((key) => [`orchestration_${key}`, plantedStats(`orchestration_${key}`, PLANTED[key], { days: 10, start: daysAgo(12) })]));
const ids = (keys: readonly Key[]) => keys.map((k) => `orchestration_${k}`);
const statsRequests = (s: Session) => s.fake.requests.filter((r) => r.route === "stats");

describe("compare_orchestrations", () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, stats } });
    await s.client.listTools();
  });
  afterAll(() => s.close());

  it("is listed with described inputs, an output schema and read-only annotations", async () => {
    const tool = (await s.client.listTools()).tools.find((t) => t.name === "compare_orchestrations");
    expect(tool?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
    expect(Object.keys(tool?.outputSchema?.properties ?? {})).toEqual(expect.arrayContaining(["rows", "excluded", "portfolio", "outliers", "range", "rank_by"]));
    for (const [name, prop] of Object.entries(tool?.inputSchema.properties ?? {})) expect((prop as { description?: string }).description, name).toBeTruthy();
  });

  it.each([
    ["open_rate", ["opener", "bouncy", "quitter", "big"]],
    ["click_rate", ["big", "quitter", "opener", "bouncy"]],
    ["click_to_open_rate", ["big", "quitter", "opener", "bouncy"]],
    ["delivery_rate", ["big", "opener", "quitter", "bouncy"]],
    ["bounce_rate", ["bouncy", "quitter", "opener", "big"]],
    ["unsubscribe_rate", ["quitter", "opener", "bouncy", "big"]],
    ["sent", ["big", "opener", "bouncy", "quitter", "tiny"]],
    ["delivered", ["big", "opener", "bouncy", "quitter", "tiny"]],
  ] as const)("ranks by %s, highest first, and the text says so", async (rank_by, order) => {
    const result = await s.call("compare_orchestrations", { orchestration_ids: ids(KEYS), rank_by });
    const c = compared(result);
    expect(c.rows.map((r) => r.id)).toEqual(ids(order));
    expect(c.rows.map((r) => r.rank)).toEqual(order.map((_, k) => k + 1));
    expect(c.rank_by).toBe(rank_by);
    expect(textOf(result)).toMatch(/highest first/);
    expectNoSecrets(textOf(result), JSON.stringify(c));
  });

  it("sets aside a small sample on rates, and sums the portfolio over the ranked rows", async () => {
    const result = await s.call("compare_orchestrations", { orchestration_ids: ids(KEYS) });
    const c = compared(result);
    expect(c.excluded).toEqual([expect.objectContaining({ id: "orchestration_tiny", kind: "small_sample" })]);
    expect(c.portfolio.orchestrations).toBe(4);
    expect(c.portfolio.totals.sent).toBe(40_000 + 10_000 + 8_000 + 6_000);
    expect(textOf(result)).toMatch(/Not ranked: 1: 1 fewer delivered than min_delivered \("Planted tiny"\)/);
    // Names come from one listing: one page, not one request per id.
    expect(s.fake.requests.filter((r) => r.route === "orchestrations").length).toBeLessThanOrEqual(1);
  });

  it("names the bouncing one as an outlier, says what far means, and ranks tiny when min_delivered allows", async () => {
    const c = compared(await s.call("compare_orchestrations", { orchestration_ids: ids(KEYS), min_delivered: 0, rank_by: "click_rate" }));
    expect(c.rows[0]?.id).toBe("orchestration_tiny");
    const strict = compared(await s.call("compare_orchestrations", { orchestration_ids: ids(KEYS) }));
    expect(strict.outliers).toContainEqual(expect.objectContaining({ id: "orchestration_bouncy", rate: "bounce_rate", direction: "above", better: false }));
    expect(strict.portfolio.outlier_rule).toMatch(/median/);
  });

  it("reports an unknown id among known ones as excluded, and still ranks the others", async () => {
    const result = await s.call("compare_orchestrations", { orchestration_ids: [...ids(["big", "opener"]), "orchestration_nope", "batch://campaigns/x"] });
    const c = compared(result);
    expect(c.rows.map((r) => r.id)).toEqual(ids(["opener", "big"]));
    expect(c.excluded.map((e) => [e.id, e.kind])).toEqual([
      ["orchestration_nope", "unknown_id"],
      ["batch://campaigns/x", "invalid_input"],
    ]);
    expect(textOf(result)).toMatch(/unknown to Batch/);
  });

  it("takes handles as listings show them, and names rows by handle in the table", async () => {
    const listed = structuredOf<{ orchestrations: Array<{ id: string; handle: string }> }>(await s.call("list_orchestrations", { status: ["running"] }));
    const handleOf = (key: Key) => listed.orchestrations.find((o) => o.id === `orchestration_${key}`)?.handle ?? "?";
    const result = await s.call("compare_orchestrations", { orchestration_ids: [handleOf("big"), `batch://orchestrations/${handleOf("opener")}`] });
    expect(compared(result).rows.map((r) => r.id)).toEqual(ids(["opener", "big"]));
    expect(textOf(result)).toMatch(new RegExp(`^\\| 1 \\| "Planted opener" \\| ${handleOf("opener")} \\|`, "m"));
  });

  it("selects with the list_orchestrations filters", async () => {
    s.fake.clearRequests();
    const c = compared(await s.call("compare_orchestrations", { labels: ["test"], rank_by: "sent" }));
    expect(c.rows.map((r) => r.id).sort()).toEqual(ids(["opener", "tiny"]));
    expect(c.rows[0]).toMatchObject({ name: "Planted opener", type: "campaign" });
    expect(statsRequests(s)).toHaveLength(0); // both were fetched (and cached) by earlier calls
  });

  it("refuses a range that has not happened yet, before asking Batch", async () => {
    s.fake.clearRequests();
    const result = await s.call("compare_orchestrations", { orchestration_ids: ids(["big"]), from: "2099-01-01", to: "2099-01-31" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^The range 2099-01-01 to 2099-01-31 has not happened yet/);
    expect(s.fake.requests).toHaveLength(0);
  });

  it("refuses ids and filters together, with a sentence", async () => {
    const result = await s.call("compare_orchestrations", { orchestration_ids: ids(["big"]), labels: ["x"] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/either orchestration_ids or the listing filters/);
  });

  it("continues past max_orchestrations with a cursor that fetches the rest, none twice", async () => {
    const first = compared(await s.call("compare_orchestrations", { orchestration_ids: ids(KEYS), max_orchestrations: 2, rank_by: "sent" }));
    expect(first.rows.map((r) => r.id)).toEqual(ids(["big", "opener"]));
    const second = compared(await s.call("compare_orchestrations", { cursor: first.cursor }));
    expect(second.rows.map((r) => r.id)).toEqual(ids(["bouncy", "quitter"]));
    const third = compared(await s.call("compare_orchestrations", { cursor: second.cursor }));
    expect(third.rows.map((r) => r.id)).toEqual(ids(["tiny"]));
    expect(third.cursor).toBeUndefined();
  });

  it("serves a repeat, the stats tool and the stats resource from the cache: no new Batch request", async () => {
    const range = { from: daysAgo(29), to: daysAgo(0) };
    await s.call("compare_orchestrations", { orchestration_ids: ids(["big", "quitter"]), ...range });
    s.fake.clearRequests();
    await s.call("compare_orchestrations", { orchestration_ids: ids(["big", "quitter"]), ...range });
    const stats = await s.call("get_orchestration_stats", { orchestration_id: "orchestration_big", group_by: "day" });
    expect(structuredOf<{ totals: Record<string, number> }>(stats).totals.sent).toBe(40_000);
    await s.client.readResource({ uri: "batch://orchestrations/orchestration_quitter/stats" });
    expect(statsRequests(s)).toHaveLength(0);
    // group_by platform needs a fetch with include_platforms: that one asks Batch.
    await s.call("get_orchestration_stats", { orchestration_id: "orchestration_big", group_by: "platform" });
    expect(statsRequests(s).map((r) => r.query.include_platforms)).toEqual([["true"]]);
  });
});

describe("compare_orchestrations at Batch's default pace", () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, stats }, env: { BATCH_RATE_LIMIT: undefined } });
  });
  afterAll(() => s.close());

  it("spaces its stats requests about a second apart and reports progress per orchestration", async () => {
    const progress: Array<{ progress: number; total?: number }> = [];
    await s.call("compare_orchestrations", { labels: ["test"] }, { onprogress: (p) => progress.push(p) });
    const starts = statsRequests(s).map((r) => r.startedAt);
    expect(starts).toHaveLength(2);
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(900);
    expect(progress.map((p) => [p.progress, p.total])).toEqual([[1, 2], [2, 2]]);
  });
});

describe("compare_orchestrations under a short time budget, and cancelled", () => {
  let s: Session;
  const many = Array.from({ length: 8 }, (_, i) => makeOrchestration(i, { id: `orchestration_m${i}`, name: `Many ${i}` }));
  const manyStats = Object.fromEntries(many.map((o, i) => [String(o.id), plantedStats(String(o.id), figures(2_000 + i * 100), { days: 5, start: daysAgo(7) })]));

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations: many, stats: manyStats }, env: { BATCH_MCP_TIME_BUDGET_MS: "1200" } });
  });
  afterAll(() => s.close());

  it("returns what it fetched, names the rest, and its cursor fetches only those", async () => {
    s.fake.setLatency(300);
    const all = many.map((o) => String(o.id));
    const fetchedPerCall: string[][] = [];
    let result = await s.call("compare_orchestrations", { orchestration_ids: all, rank_by: "sent" });
    let c = compared(result);
    expect(c.excluded.filter((e) => e.kind === "not_fetched").length).toBeGreaterThan(0);
    expect(textOf(result)).toMatch(/Time budget \(1\.2 s\) reached: \d+ not fetched yet/);
    for (let calls = 0; calls < 20; calls++) {
      fetchedPerCall.push(c.rows.map((r) => r.id));
      if (!c.cursor) break;
      result = await s.call("compare_orchestrations", { cursor: c.cursor });
      c = compared(result);
    }
    expect(fetchedPerCall.flat().sort()).toEqual([...all].sort());
    const asked = statsRequests(s).map((r) => r.query.orchestration_id?.[0]);
    // Each id asked once, save one cut off by the deadline mid-request and asked again.
    expect(new Set(asked).size).toBe(all.length);
    expect(asked.length).toBeLessThanOrEqual(all.length + fetchedPerCall.length);
    s.fake.setLatency(0);
  });

  it("stops asking Batch once the client cancels", async () => {
    s.fake.setLatency(250);
    s.fake.clearRequests();
    const controller = new AbortController();
    const call = s.call("compare_orchestrations", { orchestration_ids: many.map((o) => String(o.id)), from: daysAgo(20) }, {
      signal: controller.signal,
      onprogress: () => controller.abort(),
    });
    await expect(call).rejects.toThrow(/abort/i);
    await sleep(600);
    const afterCancel = statsRequests(s).length;
    await sleep(600);
    expect(statsRequests(s).length).toBe(afterCancel);
    expect(afterCancel).toBeLessThan(many.length);
    s.fake.setLatency(0);
  });
});
