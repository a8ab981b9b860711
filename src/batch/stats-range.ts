// The date range of a stats request. Batch takes yyyy-MM-dd days (both ends inclusive)
// and refuses a `from` more than 6 months back; the default is the 30 days ending today.

export const STATS_HISTORY_MONTHS = 6;
export const DEFAULT_STATS_DAYS = 30;

const DAY_MS = 86_400_000;

/** Today as yyyy-MM-dd in UTC. */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Strict yyyy-MM-dd that is a real calendar day (no 2025-02-30). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The same day `months` calendar months earlier, clamped to that month's end (Aug 31 -> Feb 28). */
export function monthsBefore(day: string, months: number): string {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 - months + 1, 0)).getUTCDate();
  return utcDay(new Date(Date.UTC(y, m - 1 - months, Math.min(d, lastDay))));
}

/**
 * The earliest `from` worth sending. Batch's "today" may already be tomorrow in its own
 * time zone, so the limit is taken one day inside the 6 months rather than on the edge.
 */
export function earliestStatsDay(today: string): string {
  return addDays(monthsBefore(today, STATS_HISTORY_MONTHS), 1);
}

export interface StatsRange {
  from: string;
  to: string;
  /** Days in the range, both ends included. */
  days: number;
  /** The `from` asked for, when it was earlier than Batch keeps and was moved. */
  requestedFrom?: string;
}

export type RangeResult = { ok: true; range: StatsRange } | { ok: false; problem: string };

/** Fills the defaults and applies Batch's 6-month limit; a range that cannot work is a problem sentence. */
export function resolveStatsRange(input: { from?: string; to?: string }, today: string): RangeResult {
  const to = input.to ?? today;
  const requested = input.from ?? addDays(to, -(DEFAULT_STATS_DAYS - 1));
  const earliest = earliestStatsDay(today);
  if (requested > to) {
    return { ok: false, problem: `The range starts after it ends: from ${requested}, to ${to}${input.to ? "" : " (today, the default)"}. Pass a from on or before to.` };
  }
  if (requested > today) {
    return { ok: false, problem: `The range ${requested} to ${to} has not happened yet (today is ${today}, UTC), so there are no figures: pick days up to today.` };
  }
  if (to < earliest) {
    return {
      ok: false,
      problem: `Batch keeps statistics for ${STATS_HISTORY_MONTHS} months: the range ends on ${to}, before the earliest available day (${earliest}). Ask for a range ending on or after ${earliest}.`,
    };
  }
  const from = requested < earliest ? earliest : requested;
  return { ok: true, range: { from, to, days: daysBetween(from, to) + 1, ...(from !== requested && { requestedFrom: requested }) } };
}
