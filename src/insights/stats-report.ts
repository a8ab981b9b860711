// Parsed stats + the range asked for -> the report both get_orchestration_stats and the
// `batch://orchestrations/{id}/stats` resource return: totals, rates with their
// definitions, A/B comparison, platforms, steps and (when asked) the daily series.
// Pure: no I/O, so it is tested with plain data. Words about the request itself (the
// range clamp) and the resource URI come from the caller, which owns protocol and text.

import type { StatsRange } from "../batch/stats-range.js";
import type { OrchestrationStats, VersionFigures } from "../batch/stats.js";
import { anomaliesIn, type Anomaly, type AnomalyScope } from "./anomalies.js";
import { periodComparison, type PeriodComparison } from "./changes.js";
import { figures, type Figures } from "./figures.js";
import type { Period } from "./periods.js";
import { breakdown, totalsOf } from "./stats-aggregate.js";
import { AB_MIN_DELIVERED, AB_RULE, compareVersions, reach } from "./stats-math.js";

// Figures moved to figures.ts; reports and their callers still name them from here.
export { figures, type Figures, type RateFigure } from "./figures.js";

export const GROUP_BY = ["total", "day", "version", "platform"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface AbRate {
  rate: string;
  ahead?: string;
  behind?: string;
  z?: number;
  significant: boolean;
  leader?: string;
}

export interface AbReport {
  enough_sends: boolean;
  min_delivered: number;
  rule: string;
  versions: Array<{ version: string; delivered: number } & Figures>;
  by_rate: AbRate[];
}

export interface StatsReport extends Figures {
  orchestration_id: string;
  /** The orchestration's name, when this session has listed it. */
  name?: string;
  uri: string;
  range: { from: string; to: string; days: number; requested_from?: string };
  group_by: GroupBy;
  /** False when Batch returned no figures at all for the range. */
  has_figures: boolean;
  ab?: AbReport;
  platforms?: Array<{ platform: string } & Figures>;
  steps?: Array<{ step_id?: string; step_name?: string } & Figures>;
  days?: Array<{ date: string } & Figures>;
  /** Against the previous period, when one was asked for and Batch keeps some of it. */
  comparison?: PeriodComparison;
  /** Unusual days and silences, when looked for: date order, empty when none. */
  anomalies?: Anomaly[];
  notes?: string[];
  warnings?: string[];
}

function abReport(versions: readonly VersionFigures[]): AbReport | undefined {
  const comparison = compareVersions(versions);
  if (!comparison) return undefined;
  return {
    enough_sends: comparison.enoughSends,
    min_delivered: AB_MIN_DELIVERED,
    rule: AB_RULE,
    versions: versions.map((v) => ({ version: v.version, delivered: reach(v.metrics), ...figures(v.metrics) })),
    by_rate: comparison.byRate,
  };
}

// When the grouping asked for has nothing to show, say so rather than print nothing.
const MISSING: Record<GroupBy, (r: StatsReport) => string | undefined> = {
  total: () => undefined,
  day: (r) => (r.days?.length ? undefined : "Batch returned no dated figures, so there is no daily series."),
  version: (r) => (r.ab ? undefined : "This orchestration has no A/B versions in this range."),
  platform: (r) => (r.platforms?.length ? undefined : "Batch returned no per-platform figures for this orchestration."),
};

export interface ReportInput {
  id: string;
  /** The orchestration's resource URI. */
  uri: string;
  name?: string | undefined;
  range: StatsRange;
  groupBy: GroupBy;
  stats: OrchestrationStats;
  /** Server-wide warnings (bad configuration) to repeat in every result. */
  warnings?: readonly string[];
  /** Notes about the request (a clamped range), shown first. */
  notes?: readonly string[];
  /** The previous period's stats, split from the same answer (splitByPeriod), to compare with. */
  previous?: { stats: OrchestrationStats; period: Period };
  /** Look for unusual days: the orchestration's type (for silences) and today (a day still filling in is not judged). */
  anomalies?: Omit<AnomalyScope, "range">;
}

export function buildStatsReport({ id, uri, name, range, groupBy, stats, warnings = [], notes: requestNotes = [], previous, anomalies }: ReportInput): StatsReport {
  const parts = breakdown(stats);
  const ab = abReport(parts.versions);
  const report: StatsReport = {
    orchestration_id: id,
    ...(name !== undefined && { name }),
    uri,
    range: { from: range.from, to: range.to, days: range.days, ...(range.requestedFrom !== undefined && { requested_from: range.requestedFrom }) },
    group_by: groupBy,
    has_figures: Object.keys(parts.totals).length > 0,
    ...figures(parts.totals),
    ...(ab && { ab }),
    ...(parts.platforms.length && { platforms: parts.platforms.map((p) => ({ platform: p.platform, ...figures(p.metrics) })) }),
    ...(parts.steps.length && { steps: parts.steps.map(({ metrics, ...names }) => ({ ...names, ...figures(metrics) })) }),
    ...(groupBy === "day" && { days: parts.days.map((d) => ({ date: d.date, ...figures(d.metrics) })) }),
    ...(previous && { comparison: periodComparison(parts.totals, totalsOf(previous.stats), { current: range, previous: previous.period }) }),
    ...(anomalies && { anomalies: anomaliesIn(parts.days, { range, ...anomalies }) }),
  };
  const notes = [
    ...requestNotes,
    parts.totals.sent === 0 ? "Nothing was sent in this range, so the rates are n/a." : undefined,
    report.has_figures ? MISSING[groupBy](report) : undefined,
  ].filter((n): n is string => n !== undefined);
  const allWarnings = [...warnings, ...stats.warnings];
  return { ...report, ...(notes.length && { notes }), ...(allWarnings.length && { warnings: allWarnings }) };
}
