// The daily chart's x axis: whole days, labelled by day, thinned to the room there is.

import { describe, expect, it } from "vitest";
import { DAY_S, dayLabel, dayTicks, LABEL_PX } from "../../src/views/stats/day-axis.js";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

describe("daily chart axis", () => {
  it("puts a 3-day series on its three days, never on hours", () => {
    const ticks = dayTicks(day("2025-06-01"), day("2025-06-03"), 600);
    expect(ticks).toEqual([day("2025-06-01"), day("2025-06-02"), day("2025-06-03")]);
    expect(ticks.map(dayLabel)).toEqual(["1 Jun", "2 Jun", "3 Jun"]);
    for (const t of ticks) expect(t % DAY_S).toBe(0);
  });

  it("starts at the first midnight inside a padded range, and keeps one tick for a single day", () => {
    expect(dayTicks(day("2025-06-01") - 3600, day("2025-06-02") + 3600, 600)).toEqual([day("2025-06-01"), day("2025-06-02")]);
    expect(dayTicks(day("2025-06-01") + 3600, day("2025-06-01") + 7200, 600)).toEqual([day("2025-06-01")]);
  });

  it("thins a long series to whole-day steps that fit the width", () => {
    const ticks = dayTicks(day("2025-01-01"), day("2025-06-30"), 400);
    expect(ticks.length).toBeLessThanOrEqual(Math.floor(400 / LABEL_PX));
    const steps = new Set(ticks.slice(1).map((t, i) => (t - (ticks[i] ?? 0)) / DAY_S));
    expect(steps.size).toBe(1);
    expect(Number.isInteger([...steps][0])).toBe(true);
    expect(ticks.map(dayLabel).every((l) => /^\d{1,2} [A-Z][a-z]{2}$/.test(l))).toBe(true);
  });
});
