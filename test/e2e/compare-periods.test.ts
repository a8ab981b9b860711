// get_orchestration_stats against the previous period, and its unusual days, end to end:
// one request covering both periods, the 6-month edge, and what the text and
// structuredContent say.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, earliestStatsDay, utcDay } from "../../src/batch/stats-range.js";
import type { PlantedTotals } from "../fake-batch/factories.js";
import { daysAgo, figures, twoPeriods } from "./two-periods.js";
import { startSession, structuredOf, textOf, type Session } from "./harness.js";

type Json = Record<string, unknown>;
const TODAY = utcDay();
const EARLIEST = earliestStatsDay(TODAY);

/** Totals over `sent`, every figure a multiple of 30 so that each day is the same. */


/** Each day of `days` from `start` with the same figures, but for the days `odd` replaces. */
function daily(id: string, start: string, days: number, usual: Json, odd: Record<number, Json> = {}): Json {
  return { id, details: Array.from({ length: days }, (_, k) => ({ date: addDays(start, k), ...(odd[k] ?? usual) })) };
}

const FELL = "orchestration_fell";
const EDGE = "orchestration_edge";
const SPIKY = "orchestration_spiky";
const FLAT = "orchestration_flat";
const SILENT = "orchestration_silent";

interface Report {
  range: { from: string; to: string; days: number };
  totals: Record<string, number>;
  comparison?: {
    previous: { from: string; to: string; days: number; totals: Record<string, number>; rates: Record<string, { value: number | null }> };
    changes: Record<string, { current: number | null; previous: number | null; change_points?: number | null; relative_change: number | null; z?: number; significant?: boolean }>;
    rule: string;
  };
  anomalies?: Array<{ date: string; metric: string; value: number; usual: number; score: number; until?: string }>;
  notes?: string[];
}

const statsRequests = (s: Session) => s.fake.requests.filter((r) => r.route === "stats").map((r) => ({ id: r.query.orchestration_id?.[0], from: r.query.from?.[0], to: r.query.to?.[0] }));

describe("get_orchestration_stats with compare_to and unusual days", () => {
  let s: Session;

  beforeAll(async () => {
    const busy = { sent: 2000, delivered: 2000, unique_open: 400, unique_click: 40 };
    s = await startSession({
      fake: {
        orchestrations: [{ id: SILENT, name: "Daily digest", type: "recurring", status: "running", channels: ["push"] }],
        stats: {
          [FELL]: twoPeriods(FELL, figures(30_000, { open: 0.2 }), figures(30_000, { open: 0.1, click: 0.021 })),
          // From Batch's earliest day on: 10 days before the range asked for below, 30 in it.
          [EDGE]: daily(EDGE, EARLIEST, 40, busy),
          // Three weeks at 20% opens, one day at 50%.
          [SPIKY]: daily(SPIKY, daysAgo(22), 21, busy, { 10: { ...busy, unique_open: 1000 } }),
          [FLAT]: daily(FLAT, daysAgo(22), 21, busy),
          // Sends every day, then nothing for the last 5 days before today.
          [SILENT]: daily(SILENT, daysAgo(20), 15, busy),
        },
      },
    });
    // The client checks structuredContent against the output schemas it lists.
    await s.client.listTools();
  });
  afterAll(() => s.close());

  it("lists compare_to with a description", async () => {
    const { tools } = await s.client.listTools();
    const props = tools.find((t) => t.name === "get_orchestration_stats")?.inputSchema.properties as Record<string, { description?: string; enum?: string[] }>;
    expect(props.compare_to?.enum).toEqual(["previous_period"]);
    expect(props.compare_to?.description).toMatch(/one request/i);
  });

  it("asks Batch once for both periods, and gives each figure's move, the significant ones first", async () => {
    s.fake.clearRequests();
    const result = await s.call("get_orchestration_stats", { orchestration_id: FELL, compare_to: "previous_period" });
    expect(statsRequests(s)).toEqual([{ id: FELL, from: daysAgo(59), to: TODAY }]);
    const r = structuredOf<Report>(result);
    expect(r.range).toEqual({ from: daysAgo(29), to: TODAY, days: 30 });
    expect(r.totals.sent).toBe(30_000);
    expect(r.comparison?.previous).toMatchObject({ from: daysAgo(59), to: daysAgo(30), days: 30, totals: { sent: 30_000, unique_open: 5940 } });
    expect(r.comparison?.changes.open_rate).toMatchObject({ current: 0.1, previous: 0.2, change_points: -10, relative_change: -0.5, significant: true });
    expect(r.comparison?.changes.sent).toEqual({ current: 30_000, previous: 30_000, relative_change: 0 });
    expect(r.comparison?.rule).toMatch(/at least 1,000/);

    const lines = textOf(result).split("\n");
    const heading = lines.findIndex((l) => l.startsWith("Against the previous 30 days"));
    expect(heading).toBeGreaterThan(0);
    expect(lines.slice(heading + 1, heading + 4)).toEqual([
      "- open 10.0% vs 20.0% the previous 30 days (-10.0 pts, significant)",
      "- click-to-open 21.0% vs 10.0% the previous 30 days (+11.0 pts, significant)",
      "- sent 30,000 vs 30,000 the previous 30 days (0.0%)",
    ]);
  });

  it("costs no request to read the same comparison again, and none without compare_to over the same days", async () => {
    s.fake.clearRequests();
    await s.call("get_orchestration_stats", { orchestration_id: FELL, compare_to: "previous_period" });
    await s.call("get_orchestration_stats", { orchestration_id: FELL, from: daysAgo(59), to: TODAY });
    expect(statsRequests(s)).toEqual([]);
  });

  it("shortens a previous period that would start before Batch's 6 months, and says so", async () => {
    const from = addDays(EARLIEST, 10);
    const to = addDays(from, 29);
    s.fake.clearRequests();
    const result = await s.call("get_orchestration_stats", { orchestration_id: EDGE, from, to, compare_to: "previous_period" });
    expect(result.isError).toBeFalsy();
    expect(statsRequests(s)).toEqual([{ id: EDGE, from: EARLIEST, to }]);
    const r = structuredOf<Report>(result);
    expect(r.comparison?.previous).toMatchObject({ from: EARLIEST, to: addDays(from, -1), days: 10, totals: { sent: 20_000 } });
    // 60,000 in 30 days against 20,000 in 10: the same per day.
    expect(r.comparison?.changes.sent).toEqual({ current: 60_000, previous: 20_000, relative_change: 0 });
    expect(r.notes).toEqual([expect.stringMatching(/^The previous period was shortened to 10 of 30 days \(.+; it would have started on .+\): Batch keeps statistics for 6 months\./)]);
    const text = textOf(result);
    expect(text).toContain(`Note: The previous period was shortened to 10 of 30 days (${EARLIEST} to ${addDays(from, -1)}`);
    expect(text).toContain("- sent 60,000 vs 20,000 the previous 10 days (0.0% per day)");
  });

  it("has no previous period for a range starting on Batch's earliest day, and says why", async () => {
    s.fake.clearRequests();
    const result = await s.call("get_orchestration_stats", { orchestration_id: EDGE, from: EARLIEST, to: addDays(EARLIEST, 29), compare_to: "previous_period" });
    expect(statsRequests(s)).toEqual([{ id: EDGE, from: EARLIEST, to: addDays(EARLIEST, 29) }]);
    const r = structuredOf<Report>(result);
    expect(r.comparison).toBeUndefined();
    expect(textOf(result)).toContain(`Note: No previous period to compare with: Batch keeps statistics for 6 months and this range already starts on the earliest day it keeps (${EARLIEST}).`);
  });

  it("flags a day far from the usual rate, naming it with its figure and the usual one", async () => {
    const result = await s.call("get_orchestration_stats", { orchestration_id: SPIKY });
    const r = structuredOf<Report>(result);
    expect(r.anomalies).toEqual([{ date: daysAgo(12), metric: "open_rate", value: 0.5, usual: 0.2, score: expect.any(Number) }]);
    expect(r.anomalies?.[0]?.score).toBeGreaterThanOrEqual(3.5);
    const [, month, dayOfMonth] = /^\d{4}-(\d{2})-(\d{2})$/.exec(daysAgo(12)) ?? [];
    const printed = `${Number(dayOfMonth)} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(month) - 1]}`;
    expect(textOf(result)).toMatch(new RegExp(`\\nUnusual days \\(1\\):\\n- ${printed} \\d{4}: open 50\\.0%, usually 20\\.0% \\(score \\d+\\.\\d\\)`));
  });

  it("finds nothing unusual in a flat series", async () => {
    const result = await s.call("get_orchestration_stats", { orchestration_id: FLAT, group_by: "day" });
    expect(structuredOf<Report>(result).anomalies).toEqual([]);
    expect(textOf(result)).not.toContain("Unusual");
  });

  it("flags a recurring send that went silent, once the session knows its type", async () => {
    await s.call("list_orchestrations", { status: ["running"] });
    const result = await s.call("get_orchestration_stats", { orchestration_id: SILENT });
    const r = structuredOf<Report>(result);
    expect(r.anomalies).toEqual([{ date: daysAgo(5), until: daysAgo(1), metric: "sent", value: 0, usual: 2000, score: 5 }]);
    expect(textOf(result)).toMatch(/\n- .+ to .+: nothing sent for 5 days \(usually 2,000 a sending day\)/);
  });
});
