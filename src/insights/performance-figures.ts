// What the performance rules read for one orchestration, built from its parsed stats:
// totals and A/B versions over the range, and which versions still sent lately. Its own
// file so the rule kit (audit-rule.ts) can name the type without importing the rules.

import { addDays } from "../batch/stats-range.js";
import type { Metrics, OrchestrationStats, VersionFigures } from "../batch/stats.js";
import { breakdown } from "./stats-aggregate.js";

export interface PerformanceFigures {
  totals: Metrics;
  versions: VersionFigures[];
  /** Versions that sent something in the last RECENT_DAYS days of the range. */
  recentVersions: string[];
}

export const PERFORMANCE_DAYS = 30;
/** "Still sending": in the last week of the range. */
export const RECENT_DAYS = 7;

export function performanceFigures(stats: OrchestrationStats, to: string): PerformanceFigures {
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
