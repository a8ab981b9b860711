// Figures as every report shows them: the totals in Batch's order and each rate with its
// value, its rounded percent and the fields it was computed from. Its own file so that
// reports (stats-report.ts) and what they carry (changes.ts) share it without a cycle.

import { orderMetrics, type Metrics } from "../batch/stats.js";
import { percent } from "./percent.js";
import { rates } from "./stats-math.js";

export interface RateFigure {
  /** A fraction (0.253), or null when the denominator is 0. */
  value: number | null;
  /** "25.3%", or "n/a" when the denominator is 0. */
  percent: string;
  /** "unique_open / delivered": the fields actually used. */
  definition: string;
}

export interface Figures {
  totals: Metrics;
  rates: Record<string, RateFigure>;
}

export function figures(metrics: Metrics): Figures {
  const entries = rates(metrics).map((r) => [r.spec.key, { value: r.value ?? null, percent: percent(r.value), definition: r.definition }] as const);
  return { totals: orderMetrics(metrics), rates: Object.fromEntries(entries) };
}
