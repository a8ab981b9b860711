import { describe, expect, it } from "vitest";
import { AB_MIN_DELIVERED, compareVersions, rates, ratio, twoProportionZ } from "../../src/insights/stats-math.js";
import type { Metrics } from "../../src/batch/stats.js";

const rateOf = (metrics: Metrics, key: string) => rates(metrics).find((r) => r.spec.key === key);

describe("stats math", () => {
  it("computes each rate over its documented denominator", () => {
    const m = { sent: 972, delivered: 847, unique_open: 214, unique_click: 37, total_bounce: 14, unsubscribe: 13, spam: 4 };
    const byKey = Object.fromEntries(rates(m).map((r) => [r.spec.key, [r.value, r.definition]]));
    expect(byKey).toEqual({
      delivery_rate: [847 / 972, "delivered / sent"],
      open_rate: [214 / 847, "unique_open / delivered"],
      click_rate: [37 / 847, "unique_click / delivered"],
      click_to_open_rate: [37 / 214, "unique_click / unique_open"],
      bounce_rate: [14 / 972, "total_bounce / sent"],
      unsubscribe_rate: [13 / 847, "unsubscribe / delivered"],
      spam_rate: [4 / 847, "spam / delivered"],
    });
  });

  it("gives no value, never NaN or Infinity, when the denominator is zero", () => {
    const zero = rates({ sent: 0, delivered: 0, unique_open: 0, unique_click: 0, total_bounce: 0, unsubscribe: 0, spam: 0 });
    expect(zero).toHaveLength(7);
    for (const r of zero) expect(r.value).toBeUndefined();
    expect(ratio(5, 0)).toBeUndefined();
  });

  it("uses sent_optin, then sent, when delivered is absent (push)", () => {
    expect(rateOf({ sent: 1000, sent_optin: 800, unique_open: 80 }, "open_rate")).toMatchObject({ value: 0.1, definition: "unique_open / sent_optin" });
    expect(rateOf({ sent: 1000, unique_open: 80 }, "open_rate")).toMatchObject({ value: 0.08, definition: "unique_open / sent" });
  });

  it("leaves out a rate whose figures Batch did not return", () => {
    expect(rates({ unique_conversion: 3 })).toEqual([]);
    expect(rateOf({ sent: 10, delivered: 9 }, "open_rate")).toBeUndefined();
  });

  it("computes the pooled two-proportion z statistic", () => {
    expect(twoProportionZ(120, 1000, 100, 1000)).toBeCloseTo(1.4293, 3);
    expect(twoProportionZ(1200, 5000, 1000, 5000)).toBeCloseTo(4.828, 2);
    expect(twoProportionZ(0, 1000, 0, 1000)).toBe(0);
    expect(twoProportionZ(1, 0, 1, 10)).toBeUndefined();
    expect(twoProportionZ(20, 10, 1, 10)).toBeUndefined();
  });

  it("names a leader only when both versions have enough sends and the difference is significant", () => {
    const big = (unique_open: number, unsubscribe: number) => ({ sent: 5100, delivered: 5000, unique_open, unique_click: 500, unsubscribe });
    const ab = compareVersions([
      { version: "a", metrics: big(1000, 50) },
      { version: "b", metrics: big(1200, 20) },
    ]);
    expect(ab?.enoughSends).toBe(true);
    const byRate = Object.fromEntries((ab?.byRate ?? []).map((r) => [r.rate, r]));
    expect(byRate.open_rate).toMatchObject({ ahead: "b", behind: "a", significant: true, leader: "b" });
    // Lower is better for unsubscribes.
    expect(byRate.unsubscribe_rate).toMatchObject({ ahead: "b", significant: true, leader: "b" });
    // Same clicks over the same delivered: a tie, nobody ahead.
    expect(byRate.click_rate).toEqual({ rate: "click_rate", significant: false });
  });

  it("gives no verdict when a version has too few sends, however large the gap", () => {
    const ab = compareVersions([
      { version: "a", metrics: { delivered: AB_MIN_DELIVERED - 1, unique_open: 100 } },
      { version: "b", metrics: { delivered: 5000, unique_open: 2500 } },
    ]);
    expect(ab?.enoughSends).toBe(false);
    expect(ab?.byRate.find((r) => r.rate === "open_rate")).toMatchObject({ ahead: "b", significant: false });
    expect(ab?.byRate.find((r) => r.rate === "open_rate")?.leader).toBeUndefined();
  });

  it("compares nothing with fewer than two versions", () => {
    expect(compareVersions([{ version: "a", metrics: { delivered: 5000 } }])).toBeUndefined();
  });
});
