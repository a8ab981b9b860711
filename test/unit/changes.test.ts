import { describe, expect, it } from "vitest";
import { changeOf, CHANGE_RULE, figureChanges, orderedChanges, periodComparison, type RateChange } from "../../src/insights/changes.js";

const JUNE = { from: "2025-06-01", to: "2025-06-30", days: 30 };
const MAY = { from: "2025-05-02", to: "2025-05-31", days: 30 };

/** Figures of a period from its volume and rates. */
function period(delivered: number, { open = 0.2, click = 0.02, bounce = 0.01 } = {}) {
  const total_bounce = Math.round(delivered * bounce);
  return { sent: delivered + total_bounce, delivered, unique_open: Math.round(delivered * open), unique_click: Math.round(delivered * click), total_bounce };
}

describe("changes between two periods", () => {
  it("gives a rate's move in points, relatively, with the z-test's value, significant on enough volume", () => {
    const change = changeOf({ delivered: 5000, unique_open: 1200 }, { delivered: 5000, unique_open: 1000 }, "open_rate");
    expect(change).toEqual({ current: 0.24, previous: 0.2, change_points: 4, relative_change: 0.2, z: 4.83, significant: true, better: true });
  });

  it("is not significant when a period has fewer than 1,000 in the denominator, however large z is", () => {
    const change = changeOf({ delivered: 500, unique_open: 150 }, { delivered: 5000, unique_open: 1000 }, "open_rate");
    expect(change?.significant).toBe(false);
    expect(change?.z).toBeGreaterThan(1.96);
    const small = changeOf({ delivered: 500, unique_open: 150 }, { delivered: 500, unique_open: 100 }, "open_rate");
    expect(small).toMatchObject({ change_points: 10, z: 3.65, significant: false });
  });

  it("is not significant when the difference could be chance (|z| < 1.96)", () => {
    expect(changeOf({ delivered: 1000, unique_open: 120 }, { delivered: 1000, unique_open: 100 }, "open_rate")).toMatchObject({ z: 1.43, significant: false });
  });

  it("calls a fall in bounces better and a fall in opens worse", () => {
    const changes = figureChanges(period(10_000, { open: 0.15, bounce: 0.01 }), period(10_000, { open: 0.2, bounce: 0.02 }));
    expect(changes.open_rate).toMatchObject({ change_points: -5, better: false, significant: true });
    expect(changes.bounce_rate).toMatchObject({ better: true, significant: true });
    expect((changes.bounce_rate as RateChange).change_points).toBeCloseTo(-0.97, 2);
  });

  it("gives n/a (null), never NaN, when a period has no denominator", () => {
    expect(changeOf({ delivered: 1000, unique_open: 100 }, { delivered: 0, unique_open: 0 }, "open_rate")).toEqual({
      current: 0.1,
      previous: null,
      change_points: null,
      relative_change: null,
      significant: false,
    });
  });

  it("keys counts and rates as a report's rates are keyed, counts first", () => {
    const changes = figureChanges(period(12_000), period(10_000));
    expect(Object.keys(changes)).toEqual(["sent", "delivered", "delivery_rate", "open_rate", "click_rate", "click_to_open_rate", "bounce_rate"]);
    expect(changes.delivered).toEqual({ current: 12_000, previous: 10_000, relative_change: 0.2 });
  });

  it("compares counts per day when the previous period is shorter", () => {
    const comparison = periodComparison({ sent: 3000 }, { sent: 1000 }, { current: JUNE, previous: { from: "2025-05-22", to: "2025-05-31", days: 10 } });
    expect(comparison.changes.sent).toEqual({ current: 3000, previous: 1000, relative_change: 0 });
  });

  it("carries the previous period's figures shaped like the report's, and the rule", () => {
    const comparison = periodComparison(period(10_000), period(8_000), { current: JUNE, previous: MAY });
    expect(comparison.previous).toMatchObject({ ...MAY, totals: { delivered: 8000 }, rates: { open_rate: { value: 0.2, percent: "20.0%", definition: "unique_open / delivered" } } });
    expect(comparison.rule).toBe(CHANGE_RULE);
  });

  it("orders significant changes first, the largest |z| first, then the volumes, then the other rates", () => {
    const changes = figureChanges(period(20_000, { open: 0.18, click: 0.021, bounce: 0.03 }), period(20_000, { open: 0.2, click: 0.02, bounce: 0.01 }));
    const z = (key: string) => Math.abs((changes[key] as RateChange).z ?? 0);
    expect(z("bounce_rate")).toBeGreaterThan(z("open_rate"));
    expect(z("open_rate")).toBeGreaterThan(z("click_to_open_rate"));
    expect((changes.click_rate as RateChange).significant).toBe(false);
    // Delivery and bounce are complements over sent: the same |z|, kept in the rate table's order.
    expect(orderedChanges(changes).map(([key]) => key)).toEqual(["delivery_rate", "bounce_rate", "open_rate", "click_to_open_rate", "sent", "delivered", "click_rate"]);
  });
});
