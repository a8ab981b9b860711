// Period over period: the range asked for, and the same number of days just before it.
// Batch's stats come per day, so one request covering both periods is split here by
// date: a comparison costs no second request and no second wait at Batch's pace.

import { addDays, daysBetween, earliestStatsDay, STATS_HISTORY_MONTHS, type StatsRange } from "../batch/stats-range.js";
import type { OrchestrationStats, StatsEntry } from "../batch/stats.js";

/** What a comparison can be made against; the tools' compare_to values. */
export const COMPARE_TO = ["previous_period"] as const;
export type CompareTo = (typeof COMPARE_TO)[number];

/** Days, both ends included. */
export interface Period {
  from: string;
  to: string;
  days: number;
}

export interface PeriodPlan {
  /** The range asked for, as resolved (and possibly clamped) by resolveStatsRange. */
  current: StatsRange;
  /**
   * The same number of days just before `current.from`; shorter when Batch's 6-month
   * limit cuts into it (then `requestedFrom` is where it would have started); absent when
   * Batch keeps none of it.
   */
  previous?: Period & { requestedFrom?: string };
  /** The one Batch request covering both periods: previous.from .. current.to. */
  request: Period;
  /** Sentences about the previous period: shortened, or missing. */
  notes: string[];
}

/** The days from `from` to `to`, both included. */
export function period(from: string, to: string): Period {
  return { from, to, days: daysBetween(from, to) + 1 };
}

/** The previous period of `current` and the one request covering both, within the days Batch keeps as of `today`. */
export function previousPeriodPlan(current: StatsRange, today: string): PeriodPlan {
  const earliest = earliestStatsDay(today);
  const to = addDays(current.from, -1);
  const wanted = addDays(current.from, -current.days);
  if (to < earliest) {
    return {
      current,
      request: period(current.from, current.to),
      notes: [`No previous period to compare with: Batch keeps statistics for ${STATS_HISTORY_MONTHS} months and this range already starts on the earliest day it keeps (${earliest}).`],
    };
  }
  const from = wanted < earliest ? earliest : wanted;
  const previous = { ...period(from, to), ...(from !== wanted && { requestedFrom: wanted }) };
  const notes =
    from === wanted
      ? []
      : [
          `The previous period was shortened to ${previous.days} of ${current.days} days (${from} to ${to}; it would have started on ${wanted}): ` +
            `Batch keeps statistics for ${STATS_HISTORY_MONTHS} months. Rates compare as they are; sent and delivered are compared per day.`,
        ];
  return { current, previous, request: period(from, current.to), notes };
}

const within = (p: Period) => (e: StatsEntry) => e.date !== undefined && e.date >= p.from && e.date <= p.to;

export interface SplitStats {
  current: OrchestrationStats;
  previous: OrchestrationStats;
}

/**
 * One answer covering both periods, as two. Entries without a date belong to neither
 * (they cover the whole request), so they are left out and the current period says so;
 * entries outside both periods are ignored.
 */
export function splitByPeriod(stats: OrchestrationStats, current: Period, previous: Period): SplitStats {
  const undated = stats.entries.filter((e) => e.date === undefined).length;
  const one = undated === 1;
  const warning = undated
    ? [`Batch returned ${undated} figure set${one ? "" : "s"} without a date: ${one ? "it" : "they"} cannot be placed in either period, so ${one ? "it is" : "they are"} left out of both.`]
    : [];
  const part = (p: Period, warnings: string[]): OrchestrationStats => ({ ...(stats.id !== undefined && { id: stats.id }), entries: stats.entries.filter(within(p)), warnings });
  return { current: part(current, [...stats.warnings, ...warning]), previous: part(previous, []) };
}
