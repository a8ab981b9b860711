// Small factories for the insights tests: a day of figures, a daily series, parsed stats.

import { addDays } from "../../src/batch/stats-range.js";
import type { Metrics, OrchestrationStats, StatsEntry } from "../../src/batch/stats.js";

/** One dated entry with its figures. */
export function day(date: string, metrics: Metrics): StatsEntry {
  return { date, metrics, versions: [], steps: [] };
}

/** Parsed stats with one entry per day from `from`, in order. */
export function series(from: string, days: readonly Metrics[]): OrchestrationStats {
  return { entries: days.map((m, k) => day(addDays(from, k), m)), warnings: [] };
}

/** A day's figures from its volume and open rate: delivered = sent, opens rounded. */
export function opens(delivered: number, rate: number): Metrics {
  return { sent: delivered, delivered, unique_open: Math.round(delivered * rate) };
}
