import { describe, expect, it } from "vitest";
import { portfolio } from "../../src/insights/portfolio.js";
import { rank } from "../../src/insights/ranking.js";

/** Figures of one period from its volume and open rate. */
const figures = (delivered: number, open: number) => ({ sent: delivered, delivered, unique_open: Math.round(delivered * open) });

/** An orchestration with this period's and the previous period's figures. */
const o = (id: string, now: [number, number], before: [number, number]) => ({ id, totals: figures(...now), previous: figures(...before) });

const FELL = o("fell", [10_000, 0.15], [10_000, 0.25]); // -10 points
const SLIPPED = o("slipped", [20_000, 0.28], [20_000, 0.3]); // -2 points
const ROSE = o("rose", [5_000, 0.3], [5_000, 0.2]); // +10 points
const FLAT = o("flat", [8_000, 0.2], [8_000, 0.2]);
const NEW = o("new", [8_000, 0.4], [500, 0.2]); // too few delivered before

describe("biggest movers", () => {
  it("orders by the largest fall with drop, the largest rise with rise, and by value by default", () => {
    const ids = (order?: "value" | "drop" | "rise") => rank([FLAT, ROSE, FELL, SLIPPED], "open_rate", 1000, order && { order }).rows.map((r) => r.item.id);
    expect(ids("drop")).toEqual(["fell", "slipped", "flat", "rose"]);
    expect(ids("rise")).toEqual(["rose", "flat", "slipped", "fell"]);
    expect(ids()).toEqual(["rose", "slipped", "flat", "fell"]);
  });

  it("gives each row its previous value, the move in points and whether it is significant", () => {
    const [row] = rank([FELL], "open_rate", 1000, { order: "drop" }).rows;
    expect(row).toMatchObject({ rank: 1, value: 0.15, change: { previous_value: 0.25, change_points: -10, significant: true } });
    const [flat] = rank([FLAT], "open_rate", 1000).rows;
    expect(flat?.change).toEqual({ previous_value: 0.2, change_points: 0, significant: false });
  });

  it("gives counts a relative change, per day when the periods differ in length", () => {
    const grew = { id: "grew", totals: { sent: 3000 }, previous: { sent: 1000 } };
    expect(rank([grew], "sent", 1000).rows[0]?.change).toEqual({ previous_value: 1000, relative_change: 2 });
    expect(rank([grew], "sent", 1000, { dayRatio: 3 }).rows[0]?.change).toEqual({ previous_value: 1000, relative_change: 0 });
  });

  it("applies min_delivered to both periods, and says how many each had", () => {
    const { rows, small } = rank([NEW, FELL], "open_rate", 1000, { order: "rise" });
    expect(rows.map((r) => r.item.id)).toEqual(["fell"]);
    expect(small).toEqual([{ item: NEW, delivered: 8000, previousDelivered: 500 }]);
  });

  it("puts rows whose move is n/a last, and without previous figures keeps value order", () => {
    const none = { id: "none", totals: figures(5000, 0.5), previous: { sent: 0, delivered: 0, unique_open: 0 } };
    expect(rank([none, FELL], "open_rate", 0, { order: "drop" }).rows.map((r) => [r.item.id, r.change?.change_points])).toEqual([
      ["fell", -10],
      ["none", null],
    ]);
    const plain = [{ id: "a", totals: figures(5000, 0.1) }, { id: "b", totals: figures(5000, 0.3) }];
    expect(rank(plain, "open_rate", 0, { order: "drop" }).rows.map((r) => [r.item.id, r.change])).toEqual([
      ["b", undefined],
      ["a", undefined],
    ]);
  });
});

describe("portfolio over both periods", () => {
  it("pools the previous period too, with every change between the two", () => {
    const p = portfolio([FELL, ROSE]);
    expect(p.previous?.totals).toEqual({ sent: 15_000, delivered: 15_000, unique_open: 3_500 });
    expect(p.previous?.pooled.find((r) => r.spec.key === "open_rate")?.value).toBeCloseTo(3500 / 15000, 10);
    expect(p.previous?.changes.open_rate).toMatchObject({ current: 0.2, change_points: -3.33, significant: true, better: false });
  });

  it("has no previous side when the orchestrations carry no previous figures", () => {
    expect(portfolio([{ id: "a", totals: figures(1000, 0.2) }]).previous).toBeUndefined();
  });
});
