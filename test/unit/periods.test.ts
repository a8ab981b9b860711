import { describe, expect, it } from "vitest";
import { resolveStatsRange, type StatsRange } from "../../src/batch/stats-range.js";
import { previousPeriodPlan, splitByPeriod } from "../../src/insights/periods.js";
import { day, series } from "./insights-factories.js";

const TODAY = "2025-08-31";

function range(from: string, to: string): StatsRange {
  const resolved = resolveStatsRange({ from, to }, TODAY);
  if (!resolved.ok) throw new Error(resolved.problem);
  return resolved.range;
}

describe("previous period", () => {
  it("is the same number of days just before the range, and one request covers both", () => {
    const plan = previousPeriodPlan(range("2025-08-01", "2025-08-30"), TODAY);
    expect(plan.previous).toEqual({ from: "2025-07-02", to: "2025-07-31", days: 30 });
    expect(plan.request).toEqual({ from: "2025-07-02", to: "2025-08-30", days: 60 });
    expect(plan.notes).toEqual([]);
  });

  it("is shortened at Batch's 6-month edge, and says so", () => {
    // The earliest day Batch keeps on 2025-08-31 is 2025-03-01.
    const plan = previousPeriodPlan(range("2025-03-11", "2025-03-30"), TODAY);
    expect(plan.previous).toEqual({ from: "2025-03-01", to: "2025-03-10", days: 10, requestedFrom: "2025-02-19" });
    expect(plan.request).toEqual({ from: "2025-03-01", to: "2025-03-30", days: 30 });
    expect(plan.notes).toEqual([
      "The previous period was shortened to 10 of 20 days (2025-03-01 to 2025-03-10; it would have started on 2025-02-19): Batch keeps statistics for 6 months. Rates compare as they are; sent and delivered are compared per day.",
    ]);
  });

  it("is absent when the range already starts on the earliest day Batch keeps", () => {
    const plan = previousPeriodPlan(range("2024-12-01", "2025-03-30"), TODAY);
    expect(plan.current.from).toBe("2025-03-01");
    expect(plan.previous).toBeUndefined();
    expect(plan.request).toEqual({ from: "2025-03-01", to: "2025-03-30", days: 30 });
    expect(plan.notes[0]).toMatch(/^No previous period to compare with: Batch keeps statistics for 6 months .*\(2025-03-01\)\.$/);
  });
});

describe("splitting one answer by period", () => {
  it("puts each day in its period and leaves out days outside both", () => {
    const stats = series("2025-06-28", [{ sent: 1 }, { sent: 2 }, { sent: 3 }, { sent: 4 }, { sent: 5 }]);
    const { current, previous } = splitByPeriod(stats, { from: "2025-07-01", to: "2025-07-02", days: 2 }, { from: "2025-06-29", to: "2025-06-30", days: 2 });
    expect(current.entries.map((e) => e.metrics.sent)).toEqual([4, 5]);
    expect(previous.entries.map((e) => e.metrics.sent)).toEqual([2, 3]);
  });

  it("leaves undated figures out of both periods and says so in the current one", () => {
    const stats = { id: "o", entries: [day("2025-07-01", { sent: 1 }), { metrics: { sent: 9 }, versions: [], steps: [] }], warnings: ["kept"] };
    const { current, previous } = splitByPeriod(stats, { from: "2025-07-01", to: "2025-07-01", days: 1 }, { from: "2025-06-30", to: "2025-06-30", days: 1 });
    expect(current).toEqual({
      id: "o",
      entries: [day("2025-07-01", { sent: 1 })],
      warnings: ["kept", "Batch returned 1 figure set without a date: it cannot be placed in either period, so it is left out of both."],
    });
    expect(previous).toEqual({ id: "o", entries: [], warnings: [] });
  });
});
