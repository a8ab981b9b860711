import { describe, expect, it } from "vitest";
import type { Orchestration } from "../../src/batch/orchestration.js";
import type { Metrics } from "../../src/batch/stats.js";
import { runAudit } from "../../src/insights/audit.js";
import { performanceFigures } from "../../src/insights/performance-figures.js";
import { series } from "./insights-factories.js";

const TO = "2025-06-30";
/** The first of 60 days read: the 30 before 2025-06-01, then June. */
const FROM = "2025-05-02";

const o = (id: string): Orchestration => ({ id, name: id, type: "campaign", status: "running", channels: ["email"], labels: ["OK"], raw: {} });

/** A day's figures: 1,000 delivered, with these rates (bounces over sent). */
function daily({ open = 0.2, click = 0.02, bounce = 0.01 } = {}, delivered = 1000): Metrics {
  const sent = Math.round(delivered / (1 - bounce));
  return { sent, delivered, unique_open: Math.round(delivered * open), unique_click: Math.round(delivered * click), total_bounce: sent - delivered };
}

/** 60 days read: May's 30 days like `before`, June's like `after`. */
function read(before: Metrics, after: Metrics) {
  return series(FROM, Array.from({ length: 60 }, (_, k) => (k < 30 ? before : after)));
}

/** Rule id -> its severity, title and cases (id, note), over a 60-day read (or, with `sixty` false, a read whose first day is not known). */
function audit(items: Array<[string, ReturnType<typeof read>]>, sixty = true) {
  const performance = new Map(items.map(([id, stats]) => [id, sixty ? performanceFigures(stats, TO, FROM) : performanceFigures(stats, TO)] as const));
  const findings = runAudit({ orchestrations: items.map(([id]) => o(id)) }, { now: Date.parse(TO), staleDays: 30, performance });
  return Object.fromEntries(findings.map((f) => [f.rule.id, { severity: f.rule.severity, title: f.rule.title, cases: f.cases.map((c) => [c.items.map((i) => ("id" in i ? i.id : i.token)).join(), c.note]) }]));
}

describe("period-over-period performance findings", () => {
  it("flags an open or click rate that fell significantly by a quarter or more, with both figures and the threshold", () => {
    const found = audit([
      ["opens", read(daily({ open: 0.3 }), daily({ open: 0.21 }))],
      ["clicks", read(daily({ click: 0.04 }), daily({ click: 0.02 }))],
      ["slight", read(daily({ open: 0.2 }), daily({ open: 0.18 }))],
    ]);
    expect(found["open-rate-fell"]).toEqual({
      severity: "medium",
      title: "Open rate down by 25% or more (relative) in the last 30 days against the 30 before (significant at 95%, at least 1,000 delivered in each period)",
      cases: [["opens", expect.stringMatching(/^open 21\.0% in the last 30 days vs 30\.0% in the 30 before \(-30% relative, \|z\| = \d+\.\d\d\)$/)]],
    });
    expect(found["click-rate-fell"]?.cases.map(([id]) => id)).toEqual(["clicks"]);
  });

  it("flags a bounce rate that at least doubled, as high", () => {
    const found = audit([["bouncy", read(daily({ bounce: 0.01 }), daily({ bounce: 0.025 }))]]);
    expect(found["bounce-rate-doubled"]).toMatchObject({ severity: "high", cases: [["bouncy", expect.stringMatching(/^bounce 2\.5% in the last 30 days vs 1\.0% in the 30 before \(2\.6x, /)]] });
  });

  it("never flags a rise in opens or clicks, nor a fall in bounces", () => {
    const found = audit([
      ["better", read(daily({ open: 0.15, click: 0.01, bounce: 0.04 }), daily({ open: 0.3, click: 0.03, bounce: 0.01 }))],
    ]);
    expect(Object.keys(found).filter((id) => /fell|doubled/.test(id))).toEqual([]);
  });

  it("does not flag a large fall on too few delivered in a period", () => {
    const found = audit([["small", read(daily({ open: 0.4 }, 30), daily({ open: 0.2 }, 30))]]);
    expect(found["open-rate-fell"]).toBeUndefined();
  });

  it("finds nothing period over period in a 30-day read, and the fixed thresholds read only the last 30 days of a 60-day one", () => {
    const stats = read(daily({ open: 0.4, bounce: 0.12 }), daily({ open: 0.2, bounce: 0.01 }));
    const thirty = audit([["o", stats]], false);
    expect(thirty["open-rate-fell"]).toBeUndefined();
    // Without the first day read, everything read counts, as before: bounces over both months pool above 5%.
    expect(thirty["high-bounce-rate"]).toBeDefined();
    const sixty = audit([["o", stats]]);
    expect(sixty["high-bounce-rate"]).toBeUndefined();
    expect(sixty["open-rate-fell"]).toBeDefined();
  });
});
