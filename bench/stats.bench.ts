// Cost of turning Batch's largest stats answer (6 months of days, 3 platforms, A/B
// versions, 3 steps; about 1 MB of JSON) into a report and its text. Goal: a tenth of
// the one second a paced request to Batch takes at its default 1 request/s.

import { parseOrchestrationStats } from "../src/batch/stats-endpoint.js";
import { makeStats } from "../src/fake-batch/index.js";
import { statsText } from "../src/mcp/format/stats.js";
import { buildStatsReport } from "../src/insights/stats-report.js";
import type { Bench } from "./types.js";

const bench: Bench = async () => {
  const body = JSON.parse(JSON.stringify(makeStats("o", { days: 183, versions: true, platforms: true, steps: 3 }))) as unknown;
  const range = { from: "2025-06-01", to: "2025-11-30", days: 183 };
  const runs = 50;
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const report = buildStatsReport({ id: "o", uri: "batch://orchestrations/o", range, groupBy: "day", stats: parseOrchestrationStats(body) });
    statsText(report);
  }
  const perReportMs = (performance.now() - started) / runs;
  return [{ name: "stats report + text, 183 days x 3 platforms x A/B x 3 steps", measured: `${perReportMs.toFixed(2)} ms`, goal: "<= 100 ms", ok: perReportMs <= 100 }];
};
export default bench;
