// The stats text with a comparison and unusual days, as literal text.

import { describe, expect, it } from "vitest";
import type { Metrics } from "../../src/batch/stats.js";
import { previousPeriodPlan, splitByPeriod } from "../../src/insights/periods.js";
import { buildStatsReport } from "../../src/insights/stats-report.js";
import { statsText } from "../../src/mcp/format/stats.js";
import { anomalyLines, points, relative } from "../../src/mcp/format/changes.js";
import { series } from "./insights-factories.js";

const TODAY = "2025-08-31";
const AUGUST = { from: "2025-08-01", to: "2025-08-30", days: 30 };

/** A day with `delivered` and rates of it. */
const figures = (delivered: number, open: number, click: number): Metrics => ({ sent: delivered, delivered, unique_open: Math.round(delivered * open), unique_click: Math.round(delivered * click) });

/** 60 days in one answer from 2025-07-02: `before` for the first 30, `after` for the last 30, one day overridden. */
function compared(before: Metrics, after: Metrics, odd?: { day: number; metrics: Metrics }, range = AUGUST, name?: string) {
  const answer = series("2025-07-02", Array.from({ length: 60 }, (_, k) => (odd?.day === k ? odd.metrics : k < 30 ? before : after)));
  const plan = previousPeriodPlan(range, TODAY);
  if (!plan.previous) throw new Error("expected a previous period");
  const split = splitByPeriod(answer, range, plan.previous);
  return buildStatsReport({
    id: "orchestration_1",
    uri: "batch://orchestrations/orchestration_1",
    ...(name !== undefined && { name }),
    range,
    groupBy: "total",
    stats: split.current,
    previous: { stats: split.previous, period: plan.previous },
    anomalies: { type: "campaign", today: TODAY },
    notes: plan.notes,
  });
}

describe("stats text against the previous period", () => {
  it("gives one line per figure, the significant rate moves first, each with both figures and its change", () => {
    const r = compared(figures(1000, 0.2, 0.02), figures(1000, 0.1, 0.021));
    expect(statsText(r, { handle: "abcdefgh" })).toBe(
      [
        "Stats of orchestration abcdefgh, 1 Aug 2025 to 30 Aug 2025 (30 days).",
        "Totals: sent 30,000 · delivered 30,000 · unique_open 3,000 · unique_click 630",
        "Rates: delivery 100.0% (of sent); open 10.0% · click 2.1% (of delivered); click-to-open 21.0% (of unique_open)",
        "",
        "Against the previous 30 days (2 Jul 2025 to 31 Jul 2025; significant: a two-proportion z-test at 95% with at least 1,000 in each period's denominator):",
        "- open 10.0% vs 20.0% the previous 30 days (-10.0 pts, significant)",
        "- click-to-open 21.0% vs 10.0% the previous 30 days (+11.0 pts, significant)",
        "- sent 30,000 vs 30,000 the previous 30 days (0.0%)",
        "- delivered 30,000 vs 30,000 the previous 30 days (0.0%)",
        "- delivery 100.0% vs 100.0% the previous 30 days (0.0 pts, not significant)",
        "- click 2.1% vs 2.0% the previous 30 days (+0.1 pts, not significant)",
        "",
        'More detail: group_by "day" (daily series), "platform".',
      ].join("\n"),
    );
    expect(r.comparison?.changes.open_rate).toMatchObject({ current: 0.1, previous: 0.2, change_points: -10, relative_change: -0.5, significant: true, better: false });
    expect(r.comparison?.changes.sent).toEqual({ current: 30_000, previous: 30_000, relative_change: 0 });
    expect(r.anomalies).toEqual([]);
  });

  it("says a move on too little volume is not judged, and compares counts per day when the previous period was shortened", () => {
    // 2025-03-01 is Batch's earliest day on 2025-08-31: a range from 2025-03-11 keeps 10 of its 20 previous days.
    const range = { from: "2025-03-11", to: "2025-03-30", days: 20 };
    const plan = previousPeriodPlan(range, TODAY);
    expect(plan.previous).toMatchObject({ from: "2025-03-01", to: "2025-03-10", days: 10, requestedFrom: "2025-02-19" });
    const answer = series("2025-03-01", Array.from({ length: 30 }, (_, k) => (k < 10 ? figures(40, 0.5, 0.1) : figures(40, 0.1, 0.01))));
    const split = splitByPeriod(answer, range, plan.previous ?? range);
    const r = buildStatsReport({ id: "o", uri: "u", range, groupBy: "total", stats: split.current, previous: { stats: split.previous, period: plan.previous ?? range }, notes: plan.notes });
    const lines = statsText(r, { handle: "abcdefgh" }).split("\n");
    expect(lines[1]).toBe(
      "Note: The previous period was shortened to 10 of 20 days (2025-03-01 to 2025-03-10; it would have started on 2025-02-19): Batch keeps statistics for 6 months. Rates compare as they are; sent and delivered are compared per day.",
    );
    expect(lines).toContain(
      "Against the previous 10 days (1 Mar 2025 to 10 Mar 2025; significant: a two-proportion z-test at 95% with at least 1,000 in each period's denominator; counts compared per day, the periods differing in length):",
    );
    expect(lines).toContain("- open 10.0% vs 50.0% the previous 10 days (-40.0 pts, not judged: under 1,000 delivered in a period)");
    expect(lines).toContain("- sent 800 vs 400 the previous 10 days (0.0% per day)");
  });

  it("says when the previous period has no figures rather than printing n/a changes", () => {
    const r = compared({}, figures(1000, 0.2, 0.02));
    const lines = statsText(r, { handle: "abcdefgh" }).split("\n");
    expect(lines).toContain("Previous period: the previous 30 days (2 Jul 2025 to 31 Jul 2025) have no figures: Batch returned none, so there is nothing to compare with.");
    expect(lines.filter((l) => l.includes("vs"))).toEqual([]);
  });
});

describe("unusual days in the stats text", () => {
  it("names each unusual day with its figure and the usual one", () => {
    const r = compared(figures(1000, 0.2, 0.02), figures(1000, 0.2, 0.02), { day: 40, metrics: figures(1000, 0.5, 0.02) });
    expect(r.anomalies).toEqual([{ date: "2025-08-11", metric: "open_rate", value: 0.5, usual: 0.2, score: expect.any(Number) }]);
    const text = statsText(r, { handle: "abcdefgh" });
    expect(text).toContain(`\n\nUnusual days (1):\n- 11 Aug 2025: open 50.0%, usually 20.0% (score ${r.anomalies?.[0]?.score.toFixed(1)})\n`);
  });

  it("finds none in a flat series, and prints no section for them", () => {
    const r = compared(figures(1000, 0.2, 0.02), figures(1000, 0.2, 0.02));
    expect(r.anomalies).toEqual([]);
    expect(statsText(r)).not.toContain("Unusual");
  });

  it("words a silence as its span, its length and the usual sends", () => {
    expect(anomalyLines([{ date: "2025-08-10", until: "2025-08-13", metric: "sent", value: 0, usual: 1234.4, score: 4 }])).toEqual(["- 10 Aug 2025 to 13 Aug 2025: nothing sent for 4 days (usually 1,234 a sending day)"]);
    expect(anomalyLines([{ date: "2025-08-10", metric: "bounce_rate", value: 0.125, usual: 0.01, score: 12.345 }])).toEqual(["- 10 Aug 2025: bounce 12.5%, usually 1.0% (score 12.3)"]);
  });

  it("signs moves, never printing -0.0", () => {
    expect([points(-10), points(2.5), points(-0.01), points(null)]).toEqual(["-10.0 pts", "+2.5 pts", "0.0 pts", "n/a"]);
    expect([relative(0.2), relative(-0.4), relative(null)]).toEqual(["+20.0%", "-40.0%", "n/a"]);
  });
});
