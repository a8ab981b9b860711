// The audit's performance pass: the stats of running orchestrations (up to 100) over the
// last 30 days and the 30 before, one request each covering both, read through the stats
// cache at Batch's pace within the time budget. What the budget does not cover is queued
// for background fetching, so the next audit has it.

import type { Deadline } from "../../batch/deadline.js";
import { untilDeadline } from "../../batch/deadline.js";
import { BatchApiError, failsForEveryId } from "../../batch/errors.js";
import type { Orchestration } from "../../batch/orchestration.js";
import { resolveStatsRange, utcDay, type StatsRange } from "../../batch/stats-range.js";
import type { OrchestrationStats } from "../../batch/stats.js";
import { previousPeriodPlan, type Period } from "../../insights/periods.js";
import type { Services } from "../services.js";

/** Running orchestrations whose stats one audit reads. */
export const PERFORMANCE_MAX = 100;

export interface PerformanceRead {
  /** The period judged: the last 30 days. */
  range: StatsRange;
  /** What each request covered: the range and the 30 days before it (the rules split it). */
  read: Period;
  stats: Map<string, OrchestrationStats>;
  /** Running orchestrations among those listed. */
  running: number;
  /** Running ones past PERFORMANCE_MAX, not looked at. */
  notLookedAt: number;
  /** Batch refused or failed; the MCP layer words the error. */
  failed: Array<{ o: Orchestration; error: BatchApiError }>;
  /** Left for the background fetch: the time budget ran out first. */
  left: number;
}

/** Per orchestration: read (from the cache when it can), failed with Batch's error, or left for the background. */
export async function readPerformance(services: Services, orchestrations: readonly Orchestration[], deadline: Deadline, signal: AbortSignal, now = new Date()): Promise<PerformanceRead> {
  const resolved = resolveStatsRange({}, utcDay(now));
  if (!resolved.ok) throw new Error(resolved.problem); // the default range always resolves
  const range = resolved.range;
  const read = previousPeriodPlan(range, utcDay(now)).request;
  const running = orchestrations.filter((o) => o.status === "running");
  const wanted = running.slice(0, PERFORMANCE_MAX);
  const stats = new Map<string, OrchestrationStats>();
  const failed: PerformanceRead["failed"] = [];
  const left: Orchestration[] = [];
  const both = untilDeadline(signal, deadline);
  const query = (o: Orchestration) => ({ orchestrationId: o.id, from: read.from, to: read.to });
  let fatal: BatchApiError | undefined;
  for (const o of wanted) {
    if (fatal !== undefined) {
      failed.push({ o, error: fatal });
      continue;
    }
    if (deadline.expired()) {
      left.push(o);
      continue;
    }
    try {
      stats.set(o.id, await services.stats.get(query(o), both));
    } catch (error) {
      if (signal.aborted) throw error;
      if (deadline.expired()) left.push(o);
      else if (!(error instanceof BatchApiError)) throw error;
      else {
        failed.push({ o, error });
        // A key problem would repeat for every one: say it once per orchestration, ask no more.
        if (failsForEveryId(error)) fatal = error;
      }
    }
  }
  services.prefetch.enqueue(left.map((o) => ({ query: query(o) })));
  return { range, read, stats, running: running.length, notLookedAt: running.length - wanted.length, failed, left: left.length };
}
