// Cost of a comparison once the stats are in hand (the cache holds them parsed): summing
// 100 orchestrations x 183 days, ranking, portfolio, outliers and the text. Goal: a
// twentieth of the one second a paced request to Batch takes, so judgement never shows.

import { parseOrchestrationStats } from "../src/batch/stats-endpoint.js";
import { makeStats } from "../src/fake-batch/index.js";
import { totalsOf } from "../src/insights/stats-aggregate.js";
import { compareReport } from "../src/mcp/compare/report.js";
import { compareText } from "../src/mcp/format/compare.js";
import type { Bench } from "./types.js";

const bench: Bench = async () => {
  const stats = Array.from({ length: 100 }, (_, i) => parseOrchestrationStats(makeStats(`orchestration_${i}`, { days: 183, versions: i % 3 === 0, steps: i % 4 === 0 ? 2 : 0 })));
  const range = { from: "2025-06-01", to: "2025-11-30", days: 183 };
  const once = () => {
    const fetched = stats.map((s, i) => ({ id: `orchestration_${i}`, name: `Orchestration ${i}`, totals: totalsOf(s), warnings: [] }));
    const report = compareReport({ outcome: { fetched, failed: [], notFetched: [] }, invalid: [], rankBy: "open_rate", minDelivered: 1000, range, warnings: [], cursor: undefined });
    return compareText(report);
  };
  once();
  const runs = 30;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    once();
    times.push(performance.now() - started);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
  return [{ name: "compare: rank 100 orchestrations x 183 days of stats + text (median of 30)", measured: `${median.toFixed(2)} ms`, goal: "<= 50 ms", ok: median <= 50 }];
};
export default bench;
