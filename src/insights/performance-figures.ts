// What the performance rules read for one orchestration, built from its parsed stats:
// totals and A/B versions over the last 30 days, which versions still sent lately, and,
// when the audit read further back, the 30 days before for the period-over-period rules.
// Its own file so the rule kit (audit-rule.ts) can name the type without importing the rules.

import { addDays } from "../batch/stats-range.js";
import type { Metrics, OrchestrationStats, VersionFigures } from "../batch/stats.js";
import { period, splitByPeriod } from "./periods.js";
import { breakdown, totalsOf } from "./stats-aggregate.js";

export interface PerformanceFigures {
  totals: Metrics;
  versions: VersionFigures[];
  /** Versions that sent something in the last RECENT_DAYS days of the range. */
  recentVersions: string[];
  /** Totals of the PERFORMANCE_DAYS days before, when the audit read them. */
  previous?: Metrics;
}

export const PERFORMANCE_DAYS = 30;
/** "Still sending": in the last week of the range. */
export const RECENT_DAYS = 7;

function recentFigures(stats: OrchestrationStats, to: string): PerformanceFigures {
  const parts = breakdown(stats);
  const since = addDays(to, -(RECENT_DAYS - 1));
  const recent = new Set(
    stats.entries
      .filter((e) => e.platform === undefined && e.date !== undefined && e.date >= since)
      .flatMap((e) => [...e.versions, ...e.steps.flatMap((s) => s.versions)])
      .filter((v) => (v.metrics.sent ?? 0) > 0)
      .map((v) => v.version),
  );
  return { totals: parts.totals, versions: parts.versions, recentVersions: [...recent] };
}

/**
 * The figures of stats read up to `to`. Given `from`, the first day read, and a read that
 * reaches before the last PERFORMANCE_DAYS days (previousPeriodPlan's request for the
 * default range), those days are the figures and the PERFORMANCE_DAYS before them (or as
 * many as were read) are `previous`; otherwise everything read counts, as before.
 */
export function performanceFigures(stats: OrchestrationStats, to: string, from?: string): PerformanceFigures {
  const current = period(addDays(to, -(PERFORMANCE_DAYS - 1)), to);
  const before = addDays(current.from, -1);
  if (from === undefined || from > before) return recentFigures(stats, to);
  const earliest = addDays(current.from, -PERFORMANCE_DAYS);
  const split = splitByPeriod(stats, current, period(from > earliest ? from : earliest, before));
  return { ...recentFigures(split.current, to), previous: totalsOf(split.previous) };
}
