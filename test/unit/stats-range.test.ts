import { describe, expect, it } from "vitest";
import { earliestStatsDay, isDay, monthsBefore, resolveStatsRange } from "../../src/batch/stats-range.js";

const TODAY = "2025-08-31";

describe("stats date range", () => {
  it("defaults to the 30 days ending today", () => {
    expect(resolveStatsRange({}, TODAY)).toEqual({ ok: true, range: { from: "2025-08-02", to: TODAY, days: 30 } });
    expect(resolveStatsRange({ to: "2025-07-31" }, TODAY)).toEqual({ ok: true, range: { from: "2025-07-02", to: "2025-07-31", days: 30 } });
  });

  it("keeps a range inside the last 6 months as asked, both ends included", () => {
    expect(resolveStatsRange({ from: "2025-06-01", to: "2025-06-01" }, TODAY)).toEqual({ ok: true, range: { from: "2025-06-01", to: "2025-06-01", days: 1 } });
  });

  it("moves a from older than 6 months to the first day Batch keeps, and remembers what was asked", () => {
    expect(earliestStatsDay(TODAY)).toBe("2025-03-01");
    expect(resolveStatsRange({ from: "2024-01-01", to: "2025-03-31" }, TODAY)).toEqual({
      ok: true,
      range: { from: "2025-03-01", to: "2025-03-31", days: 31, requestedFrom: "2024-01-01" },
    });
  });

  it("refuses a range that ends before Batch's history starts, or starts after it ends", () => {
    const old = resolveStatsRange({ from: "2024-01-01", to: "2024-02-01" }, TODAY);
    expect(old).toEqual({ ok: false, problem: expect.stringMatching(/keeps statistics for 6 months.*2024-02-01.*2025-03-01/) });
    const reversed = resolveStatsRange({ from: "2025-08-10", to: "2025-08-01" }, TODAY);
    expect(reversed).toEqual({ ok: false, problem: expect.stringMatching(/starts after it ends: from 2025-08-10, to 2025-08-01/) });
  });

  it("refuses a range that has not happened yet, but keeps one that ends after today", () => {
    expect(resolveStatsRange({ from: "2025-09-01", to: "2025-09-10" }, "2025-08-15")).toEqual({
      ok: false,
      problem: "The range 2025-09-01 to 2025-09-10 has not happened yet (today is 2025-08-15, UTC), so there are no figures: pick days up to today.",
    });
    expect(resolveStatsRange({ from: "2025-08-10", to: "2025-08-20" }, "2025-08-15")).toMatchObject({ ok: true, range: { from: "2025-08-10", to: "2025-08-20" } });
  });

  it("counts calendar months back, clamping to the end of shorter months", () => {
    expect(monthsBefore("2025-08-31", 6)).toBe("2025-02-28");
    expect(monthsBefore("2024-08-31", 6)).toBe("2024-02-29");
    expect(monthsBefore("2025-03-15", 6)).toBe("2024-09-15");
  });

  it("accepts only real yyyy-MM-dd days", () => {
    expect(isDay("2025-02-28")).toBe(true);
    for (const bad of ["2025-02-30", "2025-13-01", "2025-6-1", "2025-06-01T00:00:00Z", ""]) expect(isDay(bad), bad).toBe(false);
  });
});
