import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakdown, dailyOf } from "../../src/insights/stats-aggregate.js";
import { robustSpread } from "../../src/insights/unusual-days.js";
import { day } from "./insights-factories.js";

describe("the daily series", () => {
  it("sums a date that comes twice, in date order, without touching the entries' own figures (the cache holds them)", () => {
    const first = day("2025-06-02", { sent: 10, delivered: 9 });
    const stats = { entries: [first, day("2025-06-01", { sent: 5 }), day("2025-06-02", { sent: 1, unique_open: 2 })], warnings: [] };
    expect(dailyOf(stats)).toEqual([
      { date: "2025-06-01", metrics: { sent: 5 } },
      { date: "2025-06-02", metrics: { sent: 11, delivered: 9, unique_open: 2 } },
    ]);
    expect(first.metrics).toEqual({ sent: 10, delivered: 9 });
  });

  it("counts a day's overall entry, not its per-platform ones, as the breakdown does", () => {
    const ios = { ...day("2025-06-01", { sent: 4 }), platform: "ios" };
    const stats = { entries: [day("2025-06-01", { sent: 10 }), ios, { ...day("2025-06-02", { sent: 3 }), platform: "web" }], warnings: [] };
    expect(dailyOf(stats)).toEqual(breakdown(stats).days);
    expect(dailyOf(stats).map((d) => d.metrics.sent)).toEqual([10, 3]);
  });
});

describe("the robust spread", () => {
  const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
  const medianOf = (values: readonly number[]) => {
    const s = sorted(values);
    const mid = s.length >> 1;
    return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  };

  it("is the median and 1.4826 x MAD of any series, or 1.2533 x the mean absolute deviation when MAD is 0", () => {
    // Few distinct values make ties and MAD = 0 common, where a selection algorithm is easiest to get wrong.
    const value = fc.oneof(fc.integer({ min: 0, max: 4 }).map((n) => n / 10), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 80 }), (values) => {
        const median = medianOf(values);
        const deviations = values.map((v) => Math.abs(v - median));
        const mad = medianOf(deviations);
        const scale = mad > 0 ? 1.4826 * mad : (1.2533 * deviations.reduce((a, b) => a + b, 0)) / values.length;
        const spread = robustSpread(values);
        if (scale === 0) return spread === undefined;
        return spread !== undefined && Math.abs(spread.median - median) < 1e-12 && Math.abs(spread.scale - scale) < 1e-12;
      }),
    );
  });
});
