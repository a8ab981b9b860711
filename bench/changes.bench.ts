// Cost of "what changed" once the stats are in hand (the cache holds them parsed), over
// 100 orchestrations x 183 days, Batch's whole history: the period split, changes and
// unusual days of each (goal 30 ms), and a comparison against the previous period with
// its text (goal 60 ms). Both are a few hundredths of the one second a single paced
// request to Batch takes, so the judgement never shows beside the fetching.

import { parseOrchestrationStats } from "../src/batch/stats-endpoint.js";
import { addDays } from "../src/batch/stats-range.js";
import type { OrchestrationStats } from "../src/batch/stats.js";
import { makeStats } from "../src/fake-batch/index.js";
import { findAnomalies } from "../src/insights/anomalies.js";
import { periodComparison } from "../src/insights/changes.js";
import { period, splitByPeriod } from "../src/insights/periods.js";
import { totalsOf } from "../src/insights/stats-aggregate.js";
import { compareReport } from "../src/mcp/compare/report.js";
import { compareText } from "../src/mcp/format/compare.js";
import type { Bench, BenchRow } from "./types.js";

const DAYS = 183;
const START = "2025-06-01";
const END = addDays(START, DAYS - 1);
/** The last 92 days against the 91 before: the longest comparison 6 months allow. */
const CURRENT = period(addDays(END, -91), END);
const PREVIOUS = period(START, addDays(CURRENT.from, -1));
const TODAY = addDays(END, 1);
const RUNS = 30;

function medianMs(once: () => unknown): number {
  once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    once();
    times.push(performance.now() - started);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

/** Per orchestration: split, the comparison of the two periods' totals, and every unusual day of the 183. */
function changesAndAnomalies(all: readonly OrchestrationStats[]): unknown {
  return all.map((stats, i) => {
    const split = splitByPeriod(stats, CURRENT, PREVIOUS);
    const comparison = periodComparison(totalsOf(split.current), totalsOf(split.previous), { current: CURRENT, previous: PREVIOUS });
    const anomalies = findAnomalies({ stats, range: { from: START, to: END }, type: i % 2 ? "recurring" : "campaign", today: TODAY });
    return { comparison, anomalies };
  });
}

/** compare_orchestrations against the previous period once the stats are cached: the split, then its report (drop ranking, both portfolios, outliers) and text with the change columns. */
function compareWithPrevious(all: readonly OrchestrationStats[]): string {
  const fetched = all.map((stats, i) => {
    const split = splitByPeriod(stats, CURRENT, PREVIOUS);
    return { id: `orchestration_${i}`, name: `Orchestration ${i}`, totals: totalsOf(split.current), previous: totalsOf(split.previous), warnings: [] };
  });
  const report = compareReport({
    outcome: { fetched, failed: [], notFetched: [] },
    invalid: [],
    rankBy: "open_rate",
    minDelivered: 1000,
    range: CURRENT,
    warnings: [],
    cursor: undefined,
    order: "drop",
    previous: PREVIOUS,
  });
  return compareText(report);
}

const bench: Bench = async () => {
  const all = Array.from({ length: 100 }, (_, i) => parseOrchestrationStats(makeStats(`orchestration_${i}`, { days: DAYS, start: START, versions: i % 3 === 0, steps: i % 4 === 0 ? 2 : 0 })));
  const rows: BenchRow[] = [];
  const changes = medianMs(() => changesAndAnomalies(all));
  rows.push({ name: "changes + unusual days: 100 orchestrations x 183 days, split, compared, scanned (median of 30)", measured: `${changes.toFixed(2)} ms`, goal: "<= 30 ms", ok: changes <= 30 });
  const compare = medianMs(() => compareWithPrevious(all));
  rows.push({
    name: "compare vs previous period: 100 x 183 days, split, drop ranking, both portfolios, outliers, report and text with the change columns (median of 30)",
    measured: `${compare.toFixed(2)} ms`,
    goal: "<= 60 ms",
    ok: compare <= 60,
  });
  return rows;
};
export default bench;
