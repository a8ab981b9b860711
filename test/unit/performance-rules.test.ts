import { describe, expect, it } from "vitest";
import type { Orchestration } from "../../src/batch/orchestration.js";
import { parseOrchestrationStats } from "../../src/batch/stats-endpoint.js";
import { runAudit } from "../../src/insights/audit.js";
import { performanceFigures, type PerformanceFigures } from "../../src/insights/performance-figures.js";
import { plantedStats } from "../fake-batch/factories.js";

const TO = "2025-06-30";
const o = (id: string, type = "campaign"): Orchestration => ({ id, name: id, type, status: "running", channels: ["email"], labels: ["OK"], raw: {} });
const figures = (totals: Record<string, number>, versions?: Record<string, Record<string, number>>, start = "2025-06-21"): PerformanceFigures =>
  performanceFigures(parseOrchestrationStats(plantedStats("x", totals, { days: 10, start, ...(versions && { versions }) })), TO);
const healthy = { sent: 10_000, delivered: 9_900, unique_open: 1_980, total_bounce: 100, unsubscribe: 10 };

/** Rule id -> ids of its cases. */
function audit(items: Array<[Orchestration, PerformanceFigures | undefined]>): Record<string, string[]> {
  const performance = new Map(items.flatMap(([item, f]) => (f ? [[item.id, f] as const] : [])));
  const findings = runAudit({ orchestrations: items.map(([item]) => item) }, { now: Date.parse(TO), staleDays: 30, performance });
  return Object.fromEntries(findings.map((f) => [f.rule.id, f.cases.flatMap((c) => c.items.map((i) => ("id" in i ? i.id : "")))]));
}

describe("performance rules", () => {
  it("flags a bounce rate over 5% of sent, from 1,000 sent, and not at exactly 5% or on fewer sends", () => {
    const found = audit([
      [o("over"), figures({ ...healthy, total_bounce: 501 })],
      [o("at"), figures({ ...healthy, total_bounce: 500 })],
      [o("small"), figures({ sent: 999, delivered: 500, total_bounce: 499 })],
    ]);
    expect(found["high-bounce-rate"]).toEqual(["over"]);
  });

  it("flags unsubscribes over 1% of delivered, from 1,000 delivered", () => {
    const found = audit([
      [o("over"), figures({ ...healthy, unsubscribe: 100 })],
      [o("at"), figures({ ...healthy, unsubscribe: 99 })],
      [o("small"), figures({ sent: 1_000, delivered: 999, unsubscribe: 500 })],
    ]);
    expect(found["high-unsubscribe-rate"]).toEqual(["over"]);
  });

  it("flags running triggers and recurring sends that sent nothing, not one-time campaigns or unread ones", () => {
    const found = audit([
      [o("trigger", "trigger"), figures({ sent: 0 })],
      [o("recurring", "recurring"), figures({})],
      [o("campaign"), figures({ sent: 0 })],
      [o("unread", "trigger"), undefined],
    ]);
    expect(found["running-but-silent"]).toEqual(["trigger", "recurring"]);
  });

  it("flags an open rate under half the median, only with three orchestrations of enough volume to make a median", () => {
    const low = figures({ ...healthy, unique_open: 900 });
    expect(audit([[o("a"), figures(healthy)], [o("b"), figures(healthy)], [o("low"), low]])["low-open-rate"]).toEqual(["low"]);
    expect(audit([[o("a"), figures(healthy)], [o("low"), low]])["low-open-rate"]).toBeUndefined();
  });

  it("flags an A/B test with a significant leader only while every version still sends", () => {
    const versions = { a: { sent: 5_000, delivered: 5_000, unique_open: 750 }, b: { sent: 5_000, delivered: 5_000, unique_open: 1_250 } };
    const found = audit([
      [o("live"), figures(healthy, versions)],
      [o("over"), figures(healthy, versions, "2025-06-01")],
      [o("close"), figures(healthy, { a: versions.a, b: { ...versions.b, unique_open: 760 } })],
    ]);
    expect(found["ab-test-settled"]).toEqual(["live"]);
  });

  it("runs none of them without performance figures", () => {
    const findings = runAudit({ orchestrations: [o("trigger", "trigger")] }, { now: Date.parse(TO), staleDays: 30 });
    expect(findings.map((f) => f.rule.id)).toEqual([]);
  });
});
