// Parsed stats entries -> figures over the whole range: totals, the daily series, A/B
// versions, platforms and steps. Pure sums; rates are computed elsewhere (stats-math.ts, beside it).

import { sumBy, sumMetrics, type Metrics, type OrchestrationStats, type StatsEntry, type StepFigures, type VersionFigures } from "../batch/stats.js";

export interface StatsBreakdown {
  totals: Metrics;
  /** Dated figures in date order; undated entries count in totals only. */
  days: Array<{ date: string; metrics: Metrics }>;
  versions: VersionFigures[];
  platforms: Array<{ platform: string; metrics: Metrics }>;
  steps: Array<Omit<StepFigures, "versions">>;
}

/**
 * Per-platform entries repeat what the day's overall entry already counts, so they are
 * left out of totals; a day that only comes per platform counts as their sum.
 */
function overallEntries(entries: readonly StatsEntry[]): StatsEntry[] {
  const overallDays = new Set(entries.filter((e) => e.platform === undefined).map((e) => e.date));
  return entries.filter((e) => e.platform === undefined || !overallDays.has(e.date));
}

function stepLabel(step: StepFigures): string {
  return step.step_id ?? step.step_name ?? "(unnamed step)";
}

/** Totals only: what a comparison or an audit needs, without building every breakdown (a tenth of the work). */
export function totalsOf(stats: OrchestrationStats): Metrics {
  return sumMetrics(overallEntries(stats.entries).map((e) => e.metrics));
}

function daysOf(overall: readonly StatsEntry[]): StatsBreakdown["days"] {
  const dated = overall.filter((e): e is StatsEntry & { date: string } => e.date !== undefined);
  return sumBy(dated, (e) => e.date, (e) => e.metrics)
    .map((g) => ({ date: g.label, metrics: g.metrics }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The daily series only: what unusual days are looked for in, without the other breakdowns. */
export function dailyOf(stats: OrchestrationStats): StatsBreakdown["days"] {
  return daysOf(overallEntries(stats.entries));
}

export function breakdown(stats: OrchestrationStats): StatsBreakdown {
  const overall = overallEntries(stats.entries);
  const allSteps = overall.flatMap((e) => e.steps);
  return {
    totals: sumMetrics(overall.map((e) => e.metrics)),
    days: daysOf(overall),
    versions: sumBy(overall.flatMap((e) => e.versions), (v) => v.version, (v) => v.metrics).map((g) => ({ version: g.label, metrics: g.metrics })),
    platforms: sumBy(
      stats.entries.filter((e): e is StatsEntry & { platform: string } => e.platform !== undefined),
      (e) => e.platform,
      (e) => e.metrics,
    ).map((g) => ({ platform: g.label, metrics: g.metrics })),
    steps: sumBy(allSteps, stepLabel, (s) => s.metrics).map((g) => {
      const { step_id, step_name } = allSteps.find((s) => stepLabel(s) === g.label) ?? {};
      return { ...(step_id !== undefined && { step_id }), ...(step_name !== undefined && { step_name }), metrics: g.metrics };
    }),
  };
}
