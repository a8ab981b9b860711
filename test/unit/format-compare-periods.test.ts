// compare_orchestrations' report and text against the previous period, as literal text.

import { describe, expect, it } from "vitest";
import type { Metrics } from "../../src/batch/stats.js";
import type { RankBy, RankOrder } from "../../src/insights/ranking.js";
import { compareReport } from "../../src/mcp/compare/report.js";
import { compareText } from "../../src/mcp/format/compare.js";
import type { Fetched } from "../../src/workspace/compare/fetch-all-stats.js";

const RANGE = { from: "2025-08-01", to: "2025-08-30", days: 30 };
const PREVIOUS = { from: "2025-07-02", to: "2025-07-31", days: 30 };

const figures = (delivered: number, open: number): Metrics => ({ sent: delivered, delivered, unique_open: Math.round(delivered * open), unique_click: Math.round(delivered * open * 0.1), unsubscribe: 0 });

function item(id: string, name: string, now: Metrics, before: Metrics): Fetched {
  return { id: `orchestration_${id}`, name, totals: now, previous: before, warnings: [] };
}

const FETCHED: Fetched[] = [
  item("steady", "Steady", figures(10_000, 0.3), figures(10_000, 0.3)),
  item("fallen", 'Fallen "news"\nletter', figures(10_000, 0.1), figures(10_000, 0.25)),
  item("risen", "Risen", figures(10_000, 0.2), figures(10_000, 0.15)),
  item("tiny", "Tiny before", figures(10_000, 0.5), figures(200, 0.1)),
];

function text(rankBy: RankBy, order: RankOrder, previous = PREVIOUS, notes: string[] = []) {
  const report = compareReport({ outcome: { fetched: FETCHED, failed: [], notFetched: [] }, invalid: [], rankBy, minDelivered: 1000, range: RANGE, warnings: [], cursor: undefined, order, previous, notes });
  return { report, lines: compareText(report, { handle: (id) => id.replace("orchestration_", "") }).split("\n") };
}

describe("compare text against the previous period", () => {
  it("puts the biggest fall first, with each row's previous value and move, and pools the previous period", () => {
    const { report, lines } = text("open_rate", "drop");
    expect(lines).toEqual([
      "Compared 3 orchestrations by open rate, the largest fall since the previous 30 days first; 1 Aug 2025 to 30 Aug 2025 (30 days). Against the previous 30 days (2 Jul 2025 to 31 Jul 2025; min_delivered in both periods; significant: a two-proportion z-test at 95% with at least 1,000 in each period's denominator).",
      "| # | name | handle | sent | delivered | open | open before | change | click | unsubscribe |",
      "|---|---|---|---|---|---|---|---|---|---|",
      '| 1 | "Fallen \\"news\\"\\nletter" | fallen | 10,000 | 10,000 | 10.0% | 25.0% | -15.0 pts (significant) | 1.0% | 0.0% |',
      "| 2 | \"Steady\" | steady | 10,000 | 10,000 | 30.0% | 30.0% | 0.0 pts | 3.0% | 0.0% |",
      '| 3 | "Risen" | risen | 10,000 | 10,000 | 20.0% | 15.0% | +5.0 pts (significant) | 2.0% | 0.0% |',
      "Portfolio of the 3 ranked orchestrations: sent 30,000 · delivered 30,000 · open 20.0% (median 20.0%) · click 2.0% (median 2.0%) · unsubscribe 0.0% (median 0.0%); rates pooled over the sums.",
      "The same 3 orchestrations over the previous 30 days: sent 30,000 (0.0%) · delivered 30,000 (0.0%) · open 23.3% (-3.3 pts, significant) · click 2.3% (-0.3 pts, significant) · unsubscribe 0.0% (0.0 pts, not significant).",
      "Outliers (An outlier's rate is at least 2x or at most 1/2 of the median of that rate across the compared orchestrations, and differs significantly from the rest of them pooled (two-proportion z-test, |z| >= 1.96, 95%); only orchestrations with at least min_delivered delivered count, and only when at least 3 of them do.)",
      '- "Fallen \\"news\\"\\nletter" (fallen) open 10.0%, below the median 20.0% (worse, |z| 30.6)',
      '- "Fallen \\"news\\"\\nletter" (fallen) click 1.0%, below the median 2.0% (worse, |z| 8.8)',
      'Not ranked: 1: 1 fewer delivered than min_delivered ("Tiny before"). Reasons in structuredContent.excluded.',
    ]);
    expect(report.rows[0]).toMatchObject({ id: "orchestration_fallen", value: 0.1, previous_value: 0.25, change_points: -15, significant: true });
    expect(report.excluded[0]?.reason).toBe("10,000 delivered in the range and 200 in the previous period; each needs min_delivered 1,000 to rank on a rate.");
    expect(report.portfolio.previous?.totals.delivered).toBe(30_000);
    expect(report.previous_range).toEqual(PREVIOUS);
  });

  it("ranks counts on their relative change, per day when the previous period was shortened, and says so", () => {
    const short = { from: "2025-07-17", to: "2025-07-31", days: 15 };
    const { report, lines } = text("sent", "rise", short, ["The previous period was shortened to 15 of 30 days."]);
    expect(lines.slice(0, 4)).toEqual([
      "Compared 4 orchestrations by sent, the largest rise since the previous 15 days first; 1 Aug 2025 to 30 Aug 2025 (30 days). Against the previous 15 days (17 Jul 2025 to 31 Jul 2025; min_delivered in both periods; significant: a two-proportion z-test at 95% with at least 1,000 in each period's denominator; counts per day, the periods differing in length).",
      "Note: The previous period was shortened to 15 of 30 days.",
      "| # | name | handle | sent | delivered | sent before | change | open | click |",
      "|---|---|---|---|---|---|---|---|---|",
    ]);
    // 10,000 in 30 days against 200 in 15: 25 times the daily sends.
    expect(lines[4]).toBe('| 1 | "Tiny before" | tiny | 10,000 | 10,000 | 200 | +2400.0% | 50.0% | 5.0% |');
    expect(report.rows.map((r) => r.relative_change)).toEqual([24, -0.5, -0.5, -0.5]);
    // 40,000 in 30 days against 30,200 in 15: a third fewer a day.
    expect(lines.find((l) => l.startsWith("The same"))).toBe(
      "The same 4 orchestrations over the previous 15 days: sent 30,200 (-33.8% per day) · delivered 30,200 (-33.8% per day) · open 23.2% (+4.3 pts, significant) · click 2.3% (+0.4 pts, significant).",
    );
  });

  it("ranks by value, and says why, when Batch keeps none of the previous period", () => {
    const note = "No previous period to compare with: Batch keeps statistics for 6 months and this range already starts on the earliest day it keeps (2025-08-01).";
    const report = compareReport({ outcome: { fetched: FETCHED.map(({ previous: _, ...f }) => f), failed: [], notFetched: [] }, invalid: [], rankBy: "open_rate", minDelivered: 1000, range: RANGE, warnings: [], cursor: undefined, order: "drop", notes: [note] });
    const lines = compareText(report).split("\n");
    expect(report.order).toBe("value");
    expect(lines.slice(0, 2)).toEqual(["Compared 4 orchestrations by open rate, highest first; 1 Aug 2025 to 30 Aug 2025 (30 days).", `Note: ${note}`]);
  });

  it("keeps today's text when not comparing", () => {
    const report = compareReport({ outcome: { fetched: FETCHED.map(({ previous: _, ...f }) => f), failed: [], notFetched: [] }, invalid: [], rankBy: "open_rate", minDelivered: 1000, range: RANGE, warnings: [], cursor: undefined });
    const lines = compareText(report).split("\n");
    expect(lines[0]).toBe("Compared 4 orchestrations by open rate, highest first; 1 Aug 2025 to 30 Aug 2025 (30 days).");
    expect(lines[1]).toBe("| # | name | handle | sent | delivered | open | click | unsubscribe |");
    expect(report.rows[0]).not.toHaveProperty("previous_value");
    expect(report.portfolio).not.toHaveProperty("previous");
    expect(report.order).toBe("value");
  });
});
