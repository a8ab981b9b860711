import { describe, expect, it } from "vitest";
import { BatchApiError } from "../../src/batch/errors.js";
import { breakdown } from "../../src/insights/stats-aggregate.js";
import { orchestrationStatsUrl, parseOrchestrationStats } from "../../src/batch/stats-endpoint.js";
import { DOCUMENTED_STATS as DOCUMENTED } from "../fake-batch/factories.js";

const day = (date: string, sent: number, extra: Record<string, unknown> = {}) => ({ date, sent, delivered: sent - 1, unique_open: 10, ...extra });

describe("stats parsing", () => {
  it("builds the URL with the id, the range and include_platforms only when asked", () => {
    const url = orchestrationStatsUrl("http://x", "2.10", { orchestrationId: "orchestration_a b", from: "2025-06-01", to: "2025-06-30" });
    expect(url.toString()).toBe("http://x/2.10/orchestrations/stats?orchestration_id=orchestration_a+b&from=2025-06-01&to=2025-06-30");
    const withPlatforms = orchestrationStatsUrl("http://x", "2.10", { orchestrationId: "o", from: "2025-06-01", to: "2025-06-30", includePlatforms: true });
    expect(withPlatforms.searchParams.get("include_platforms")).toBe("true");
  });

  it("reads the documented shape: days with their figures and A/B versions", () => {
    const stats = parseOrchestrationStats(DOCUMENTED);
    expect(stats.id).toBe(DOCUMENTED.id);
    expect(stats.warnings).toEqual([]);
    const { totals, days, versions } = breakdown(stats);
    expect(totals).toMatchObject({ sent: 972, delivered: 847, unique_open: 214, skipped: 15 });
    expect(days.map((d) => d.date)).toEqual(["2025-03-18"]);
    expect(versions.map((v) => [v.version, v.metrics.delivered])).toEqual([["a", 465], ["b", 382]]);
  });

  it("keeps unknown numeric fields, numeric strings included, and ignores labels and non-numbers", () => {
    const stats = parseOrchestrationStats({ id: "o", details: [day("2025-06-01", 100, { unique_conversion: 7, revenue: "12.5", label: "x", note: "hi", ok: true })] });
    expect(breakdown(stats).totals).toEqual({ sent: 100, delivered: 99, unique_open: 10, unique_conversion: 7, revenue: 12.5 });
  });

  it("sums days, counting per-platform entries apart from the overall ones", () => {
    const stats = parseOrchestrationStats({
      details: [
        day("2025-06-02", 100),
        day("2025-06-01", 50),
        day("2025-06-01", 30, { platform: "IOS" }),
        day("2025-06-01", 20, { platform: "android" }),
        // A day that only comes per platform counts as their sum.
        day("2025-06-03", 5, { platform: "ios" }),
      ],
    });
    const b = breakdown(stats);
    expect(b.totals.sent).toBe(155);
    expect(b.days.map((d) => [d.date, d.metrics.sent])).toEqual([["2025-06-01", 50], ["2025-06-02", 100], ["2025-06-03", 5]]);
    expect(b.platforms.map((p) => [p.platform, p.metrics.sent])).toEqual([["ios", 35], ["android", 20]]);
  });

  it("reports per step when entries carry steps, filling an entry's missing figures from them", () => {
    const stats = parseOrchestrationStats({
      details: [
        { date: "2025-06-01", steps: [{ step_id: "s1", step_name: "Welcome", sent: 10, delivered: 9 }, { step_id: "s2", sent: 5, delivered: 5 }] },
        { date: "2025-06-02", sent: 100, steps: [{ step_id: "s1", step_name: "Welcome", sent: 60, delivered: 50 }, { step_id: "s2", sent: 40, delivered: 40 }] },
      ],
    });
    const b = breakdown(stats);
    // Day 2's own `sent` wins over its steps' sum; its missing `delivered` is their sum.
    expect(b.totals).toEqual({ sent: 115, delivered: 104 });
    expect(b.steps).toEqual([
      { step_id: "s1", step_name: "Welcome", metrics: { sent: 70, delivered: 59 } },
      { step_id: "s2", metrics: { sent: 45, delivered: 45 } },
    ]);
  });

  it("reads step ids and names under other spellings, and tells unnamed steps apart by position", () => {
    const stats = parseOrchestrationStats({
      details: [
        { date: "2025-06-01", steps: [{ id: 7, name: "Push", sent: 1 }, { sent: 2 }, { sent: 3 }] },
        { date: "2025-06-02", steps: [{ message_step_id: "7", sent: 10 }, { sent: 20 }, { sent: 30 }] },
      ],
    });
    expect(breakdown(stats).steps).toEqual([
      { step_id: "7", step_name: "Push", metrics: { sent: 11 } },
      { step_id: "#2", metrics: { sent: 22 } },
      { step_id: "#3", metrics: { sent: 33 } },
    ]);
  });

  it("reads a top-level steps shape, each step with its own days", () => {
    const stats = parseOrchestrationStats({
      id: "o",
      steps: [
        { step_id: "s1", details: [day("2025-06-01", 10), day("2025-06-02", 20)] },
        { step_id: "s2", sent: 7 },
      ],
    });
    const b = breakdown(stats);
    expect(b.totals.sent).toBe(37);
    expect(b.steps.map((s) => [s.step_id, s.metrics.sent])).toEqual([["s1", 30], ["s2", 7]]);
    expect(b.days.map((d) => [d.date, d.metrics.sent])).toEqual([["2025-06-01", 10], ["2025-06-02", 20]]);
  });

  it("falls back to whatever figures it finds, and says so, rather than failing", () => {
    expect(breakdown(parseOrchestrationStats({ id: "o", sent: 3, delivered: 2 })).totals).toEqual({ sent: 3, delivered: 2 });
    const other = parseOrchestrationStats({ id: "o", rows: [{ sent: 1 }, { sent: 2 }] });
    expect(breakdown(other).totals).toEqual({ sent: 3 });
    expect(other.warnings).toEqual(["Batch's answer had no `details`; the figures were summed from `rows`."]);
    expect(parseOrchestrationStats({ id: "o" }).warnings).toEqual(["Batch's answer held no figures this server recognises."]);
    expect(parseOrchestrationStats({ details: [day("2025-06-01", 1), "junk"] }).warnings).toEqual(["1 entry of `details` was not an object and was skipped."]);
  });

  it("rejects only a body that is not a JSON object", () => {
    for (const body of [null, [], "text", 3]) expect(() => parseOrchestrationStats(body)).toThrow(BatchApiError);
  });
});
