import { describe, expect, it } from "vitest";
import { previousPeriodPlan, splitByPeriod } from "../../src/insights/periods.js";
import { buildStatsReport } from "../../src/insights/stats-report.js";
import { opens, series } from "./insights-factories.js";

const TODAY = "2025-08-31";
const current = { from: "2025-08-01", to: "2025-08-30", days: 30 };

/** 60 days in one answer: July at a 30% open rate, August at 20% with one 50% day. */
const answer = series("2025-07-02", Array.from({ length: 60 }, (_, k) => opens(1000, k < 30 ? 0.3 : k === 40 ? 0.5 : 0.2)));

describe("a stats report compared with the previous period", () => {
  it("carries the previous period's figures, every change and the unusual days, from one answer split by date", () => {
    const plan = previousPeriodPlan(current, TODAY);
    if (!plan.previous) throw new Error("expected a previous period");
    const split = splitByPeriod(answer, plan.current, plan.previous);
    const report = buildStatsReport({
      id: "o",
      uri: "batch://orchestrations/o",
      range: current,
      groupBy: "total",
      stats: split.current,
      previous: { stats: split.previous, period: plan.previous },
      anomalies: { type: "campaign", today: TODAY },
    });
    expect(report.totals.delivered).toBe(30_000);
    expect(report.comparison?.previous).toMatchObject({ from: "2025-07-02", to: "2025-07-31", days: 30, totals: { delivered: 30_000 } });
    expect(report.comparison?.changes.open_rate).toMatchObject({ previous: 0.3, significant: true, better: false });
    expect(report.comparison?.changes.sent).toEqual({ current: 30_000, previous: 30_000, relative_change: 0 });
    expect(report.anomalies).toEqual([{ date: "2025-08-11", metric: "open_rate", value: 0.5, usual: 0.2, score: expect.any(Number) }]);
  });

  it("has neither without being asked", () => {
    const report = buildStatsReport({ id: "o", uri: "u", range: current, groupBy: "total", stats: answer });
    expect(report.comparison).toBeUndefined();
    expect(report.anomalies).toBeUndefined();
  });
});
