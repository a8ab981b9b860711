// The orchestration statistics model. Batch documents one of the response shapes and
// not the others (trigger automations), so the model is deliberately loose: every numeric
// field is a metric keyed by Batch's own name, and nothing unknown is dropped.

/** Figures keyed by Batch's field names: "sent", "delivered", "unique_open", and any other. */
export type Metrics = Record<string, number>;

/** The documented metrics, in the order Batch's sample lists them. */
export const KNOWN_METRICS = [
  "sent", "delivered", "unique_open", "total_open", "unique_machine_open",
  "unique_click", "total_click", "spam", "unsubscribe", "total_bounce", "skipped",
] as const;

/** The same figures with the documented metrics first, in their order, then any others as they came. */
export function orderMetrics(metrics: Metrics): Metrics {
  const known: readonly string[] = KNOWN_METRICS;
  const keys = [...known.filter((k) => k in metrics), ...Object.keys(metrics).filter((k) => !known.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, metrics[k] ?? 0]));
}

export interface VersionFigures {
  /** The A/B version label ("a", "b"). */
  version: string;
  metrics: Metrics;
}

export interface StepFigures {
  step_id?: string;
  step_name?: string;
  metrics: Metrics;
  versions: VersionFigures[];
}

/** One element of `details`: usually a day, possibly for one platform. */
export interface StatsEntry {
  date?: string;
  platform?: string;
  metrics: Metrics;
  versions: VersionFigures[];
  steps: StepFigures[];
}

export interface OrchestrationStats {
  id?: string;
  entries: StatsEntry[];
  /** Oddities noticed while parsing (an unrecognised shape, rejected options). */
  warnings: string[];
}

/** Sums figure sets; a metric present in any of them is present in the sum. */
export function sumMetrics(sets: readonly Metrics[]): Metrics {
  const total: Metrics = {};
  for (const set of sets) for (const key in set) total[key] = (total[key] ?? 0) + (set[key] ?? 0);
  return total;
}

/** Groups items by a label and sums their figures, keeping the order labels first appear in. */
export function sumBy<T>(items: readonly T[], label: (item: T) => string, metrics: (item: T) => Metrics): Array<{ label: string; metrics: Metrics }> {
  const groups = new Map<string, Metrics[]>();
  for (const item of items) {
    const key = label(item);
    const sets = groups.get(key);
    if (sets) sets.push(metrics(item));
    else groups.set(key, [metrics(item)]);
  }
  return [...groups].map(([key, sets]) => ({ label: key, metrics: sumMetrics(sets) }));
}
