import { describe, expect, it } from "vitest";
import { addDays } from "../../src/batch/stats-range.js";
import type { Metrics } from "../../src/batch/stats.js";
import { findAnomalies } from "../../src/insights/anomalies.js";
import { silences } from "../../src/insights/silence.js";
import { robustSpread, unusualDays } from "../../src/insights/unusual-days.js";
import { opens, series } from "./insights-factories.js";

const FROM = "2025-06-01";
const AFTER = "2025-12-01";

/** A daily series from `from`, as unusualDays and silences read it. */
const days = (list: readonly Metrics[]) => list.map((metrics, k) => ({ date: addDays(FROM, k), metrics }));
const repeat = <T>(n: number, make: (k: number) => T) => Array.from({ length: n }, (_, k) => make(k));
const openRates = (found: ReturnType<typeof unusualDays>) => found.filter((a) => a.metric === "open_rate");

describe("unusual days", () => {
  it("finds none in a flat series", () => {
    expect(unusualDays(days(repeat(14, () => opens(1000, 0.2))))).toEqual([]);
    expect(robustSpread([0.2, 0.2, 0.2])).toBeUndefined();
  });

  it("flags a single spike in an otherwise flat series (MAD 0: the mean absolute deviation stands in)", () => {
    const list = repeat(14, (k) => opens(1000, k === 9 ? 0.4 : 0.2));
    expect(unusualDays(days(list))).toEqual([{ date: "2025-06-10", metric: "open_rate", value: 0.4, usual: 0.2, score: 11.17 }]);
  });

  it("flags a spike in a noisy series and leaves ordinary wobble alone", () => {
    const wobble = [0.19, 0.2, 0.21];
    const list = repeat(20, (k) => opens(2000, k === 15 ? 0.32 : k === 5 ? 0.215 : (wobble[k % 3] ?? 0.2)));
    const found = openRates(unusualDays(days(list)));
    expect(found.map((a) => a.date)).toEqual(["2025-06-16"]);
    expect(found[0]?.usual).toBeCloseTo(0.2, 3);
    expect(found[0]?.score).toBeGreaterThan(3.5);
  });

  it("flags a drop as well as a rise", () => {
    const list = repeat(14, (k) => opens(1000, k === 3 ? 0.05 : 0.2));
    expect(openRates(unusualDays(days(list))).map((a) => [a.date, a.value])).toEqual([["2025-06-04", 0.05]]);
  });

  it("does not flag a day under 500 in the denominator, however far it is", () => {
    const list = repeat(14, (k) => (k === 9 ? opens(499, 0.6) : opens(1000, 0.2)));
    expect(unusualDays(days(list))).toEqual([]);
  });

  it("does not flag a far day that is not significantly different from the rest of the range", () => {
    const list = repeat(14, (k) => opens(500, k === 9 ? 0.23 : k % 2 ? 0.198 : 0.202));
    expect(openRates(unusualDays(days(list)))).toEqual([]);
  });

  it("needs a week of days with enough volume before judging", () => {
    expect(unusualDays(days(repeat(6, (k) => opens(1000, k === 3 ? 0.5 : 0.2))))).toEqual([]);
  });
});

describe("silence", () => {
  const daily = (sent: readonly number[]) => days(sent.map((n) => ({ sent: n })));

  it("flags a recurring send that stopped for three days or more at the end of the range", () => {
    const sent = [...repeat(14, () => 1000), 0, 0, 0, 0];
    expect(silences(daily(sent), { from: FROM, to: "2025-06-18" }, "recurring", AFTER)).toEqual([
      { date: "2025-06-15", metric: "sent", value: 0, usual: 1000, score: 4, until: "2025-06-18" },
    ]);
  });

  it("flags a silence within the range, days missing from Batch's answer counting as no sends", () => {
    const list = daily(repeat(20, () => 800)).filter((_, k) => k < 10 || k > 12);
    expect(silences(list, { from: FROM, to: "2025-06-20" }, "trigger", AFTER)).toEqual([
      { date: "2025-06-11", metric: "sent", value: 0, usual: 800, score: 3, until: "2025-06-13" },
    ]);
  });

  it("leaves alone a one-time campaign, a weekly send, two quiet days, and an orchestration that never sent", () => {
    const range = { from: FROM, to: "2025-06-21" };
    expect(silences(daily([...repeat(14, () => 1000), ...repeat(7, () => 0)]), range, "campaign", AFTER)).toEqual([]);
    expect(silences(daily(repeat(21, (k) => (k % 7 === 0 ? 5000 : 0))), range, "recurring", AFTER)).toEqual([]);
    expect(silences(daily([...repeat(19, () => 1000), 0, 0]), range, "recurring", AFTER)).toEqual([]);
    expect(silences(daily(repeat(21, () => 0)), range, "recurring", AFTER)).toEqual([]);
  });

  it("does not call today silent: it is still filling in", () => {
    const sent = [...repeat(14, () => 1000), 0, 0, 0];
    expect(silences(daily(sent), { from: FROM, to: "2025-06-17" }, "recurring", "2025-06-17")).toEqual([]);
    expect(silences(daily(sent), { from: FROM, to: "2025-06-17" }, "recurring", "2025-06-18")).toHaveLength(1);
  });
});

describe("anomalies of a range", () => {
  it("lists unusual days and silences by date, within the range, and leaves today out", () => {
    const list = [...repeat(14, (k) => opens(1000, k === 2 ? 0.45 : 0.2)), { sent: 0 }, { sent: 0 }, { sent: 0 }, opens(1000, 0.9)];
    const stats = series(FROM, list);
    const found = findAnomalies({ stats, range: { from: FROM, to: "2025-06-18" }, type: "recurring", today: "2025-06-18" });
    expect(found.map((a) => [a.date, a.metric])).toEqual([
      ["2025-06-03", "open_rate"],
      ["2025-06-15", "sent"],
    ]);
  });
});
