import { describe, expect, it } from "vitest";
import { median, outliers, portfolio } from "../../src/insights/portfolio.js";
import { rank, RANK_BY } from "../../src/insights/ranking.js";

/** An orchestration's totals from its sends and rates, delivered = sent - bounces. */
function o(id: string, sent: number, { open = 0.2, click = 0.02, bounce = 0.02, unsub = 0.002 } = {}) {
  const total_bounce = Math.round(sent * bounce);
  const delivered = sent - total_bounce;
  const totals = { sent, delivered, unique_open: Math.round(delivered * open), unique_click: Math.round(delivered * click), total_bounce, unsubscribe: Math.round(delivered * unsub) };
  return { id, totals };
}

const A = o("a", 10_000, { open: 0.3, click: 0.01, bounce: 0.01 });
const B = o("b", 20_000, { open: 0.2, click: 0.03, bounce: 0.05, unsub: 0.004 });
const C = o("c", 5_000, { open: 0.1, click: 0.02, bounce: 0.03, unsub: 0.01 });
const TINY = o("tiny", 50, { open: 0.9 });

describe("rank", () => {
  it.each([
    ["open_rate", ["a", "b", "c"]],
    ["click_rate", ["b", "c", "a"]],
    ["click_to_open_rate", ["c", "b", "a"]],
    ["delivery_rate", ["a", "c", "b"]],
    ["bounce_rate", ["b", "c", "a"]],
    ["unsubscribe_rate", ["c", "b", "a"]],
    ["sent", ["b", "a", "c", "tiny"]],
    ["delivered", ["b", "a", "c", "tiny"]],
  ] as const)("orders by %s, highest first", (by, expected) => {
    const { rows } = rank([C, TINY, A, B], by, 1000);
    expect(rows.map((r) => r.item.id)).toEqual(expected);
    expect(rows.map((r) => r.rank)).toEqual(expected.map((_, k) => k + 1));
  });

  it("covers every metric it offers", () => {
    expect(RANK_BY).toHaveLength(8);
  });

  it("sets aside small samples when ranking on a rate, with their delivered count", () => {
    const { rows, small } = rank([TINY, A], "open_rate", 1000);
    expect(rows.map((r) => r.item.id)).toEqual(["a"]);
    expect(small).toEqual([{ item: TINY, delivered: 49 }]);
  });

  it("puts rows whose rate is n/a last", () => {
    const zero = { id: "zero", totals: { sent: 0, delivered: 0, unique_open: 0 } };
    const { rows } = rank([zero, A], "open_rate", 0);
    expect(rows.map((r) => [r.item.id, r.value])).toEqual([["a", A.totals.unique_open / A.totals.delivered], ["zero", undefined]]);
  });
});

describe("portfolio", () => {
  it("sums totals, pools rates and takes each rate's median", () => {
    const p = portfolio([A, B, C]);
    expect(p.count).toBe(3);
    expect(p.totals.sent).toBe(35_000);
    const pooledOpen = p.pooled.find((r) => r.spec.key === "open_rate");
    expect(pooledOpen?.value).toBeCloseTo((A.totals.unique_open + B.totals.unique_open + C.totals.unique_open) / p.totals.delivered!, 10);
    expect(p.medians.open_rate).toBeCloseTo(0.2, 2);
  });

  it("medians of even and empty lists", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe("outliers", () => {
  const peers = [o("p1", 10_000), o("p2", 12_000), o("p3", 9_000), o("p4", 11_000)];

  it("flags a rate at least double the median that is significantly different, and says whether that is good", () => {
    const bouncy = o("bouncy", 10_000, { bounce: 0.1 });
    const found = outliers([...peers, bouncy], 1000);
    expect(found.map((f) => [f.item.id, f.rate, f.direction, f.better])).toContainEqual(["bouncy", "bounce_rate", "above", false]);
    expect(found.every((f) => f.item.id === "bouncy")).toBe(true);
  });

  it("does not flag a large gap on too few sends to be significant", () => {
    const smallButOk = o("small", 1_000, { click: 0.045 });
    expect(outliers([...peers, smallButOk], 1000).filter((f) => f.rate === "click_rate")).toEqual([]);
  });

  it("needs at least three orchestrations with enough volume", () => {
    expect(outliers([A, o("bouncy", 10_000, { bounce: 0.3 })], 1000)).toEqual([]);
  });
});
