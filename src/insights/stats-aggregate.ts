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
 * left out of totals; a day that only comes per platform counts as their sum. Most
 * answers have no platform entries (they are asked for): those are returned as they are.
 */
function overallEntries(entries: readonly StatsEntry[]): readonly StatsEntry[] {
  // `in` first: reading an absent property off entries of varied shapes is several times slower.
  if (!entries.some((e) => "platform" in e && e.platform !== undefined)) return entries;
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

/**
 * Summed per date, in date order. Batch sends one entry a day, so a day's figures are its
 * entry's own object (read them, never write them: the stats cache holds it); only a date
 * seen twice gets a sum of its own. yyyy-MM-dd sorts as plain text: no localeCompare.
 */
function daysOf(overall: readonly StatsEntry[]): StatsBreakdown["days"] {
  const byDate = new Map<string, Metrics>();
  const summed = new Set<string>();
  for (const { date, metrics } of overall) {
    if (date === undefined) continue;
    const seen = byDate.get(date);
    if (seen === undefined) {
      byDate.set(date, metrics);
      continue;
    }
    const sum = summed.has(date) ? seen : { ...seen };
    for (const key in metrics) sum[key] = (sum[key] ?? 0) + (metrics[key] ?? 0);
    byDate.set(date, sum);
    summed.add(date);
  }
  return [...byDate].map(([date, metrics]) => ({ date, metrics })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
