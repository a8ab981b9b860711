// Ranking orchestrations on one metric. Rates are judged only on enough volume: a 50-send
// test with 90% opens must not win, so below `minDelivered` an orchestration is set aside
// (with its delivered count) rather than ranked on a rate. Counts rank everyone.
// With the previous period's figures, each row also says how it moved, and the biggest
// movers (the largest drop or rise) can lead instead of the highest values.

import type { Metrics } from "../batch/stats.js";
import { changeOf, countChange } from "./changes.js";
import { rates, reach, type RateKey } from "./stats-math.js";

export const RANK_BY = [
  "open_rate", "click_rate", "click_to_open_rate", "delivery_rate", "bounce_rate", "unsubscribe_rate", "sent", "delivered",
] as const;
export type RankBy = (typeof RANK_BY)[number];

const COUNTS: readonly RankBy[] = ["sent", "delivered"];

export function isRate(by: RankBy): by is RankBy & RateKey {
  return !COUNTS.includes(by);
}

/** What leads: the highest value, the largest fall since the previous period, or the largest rise. */
export const RANK_ORDER = ["value", "drop", "rise"] as const;
export type RankOrder = (typeof RANK_ORDER)[number];

/** Anything with figures summed over the range. */
export interface Measured {
  id: string;
  totals: Metrics;
  /** The same figures over the previous period, when comparing. */
  previous?: Metrics;
}

/** How a row's metric moved since the previous period; field names as structured results show them. */
export interface RowChange {
  /** The metric in the previous period (a fraction for rates); null when n/a. */
  previous_value: number | null;
  /** Rates: the move in percentage points; null when either period is n/a. */
  change_points?: number | null;
  /** Counts: current / previous - 1 (per day when the periods differ in length); null when previous is 0. */
  relative_change?: number | null;
  /** Rates: significant by CHANGE_RULE (1,000 in each period's denominator, |z| >= 1.96). */
  significant?: boolean;
}

export interface Ranked<T extends Measured> {
  item: T;
  /** 1 = first in the order asked for; rows without a value (n/a) come last. */
  rank: number;
  value: number | undefined;
  /** Present when the item carries previous figures. */
  change?: RowChange;
}

export interface Ranking<T extends Measured> {
  rows: Ranked<T>[];
  /** Set aside when ranking on a rate: fewer than minDelivered delivered (in either period, when comparing). */
  small: Array<{ item: T; delivered: number; previousDelivered?: number }>;
}

export interface RankOptions {
  /** Default "value"; "drop" and "rise" read each row's change, so they need previous figures (without, value order stands). */
  order?: RankOrder;
  /** Current days / previous days: counts compare per day when the periods differ in length. */
  dayRatio?: number;
}

/** The metric's value in these figures; undefined when they cannot support it (a rate over zero). */
export function metricValue(totals: Metrics, by: RankBy): number | undefined {
  if (!isRate(by)) return totals[by];
  return rates(totals).find((r) => r.spec.key === by)?.value;
}

function rowChange(item: Measured, by: RankBy, dayRatio: number): RowChange | undefined {
  const { previous } = item;
  if (!previous) return undefined;
  if (!isRate(by)) return { previous_value: previous[by] ?? null, relative_change: countChange(item.totals[by] ?? 0, previous[by] ?? 0, dayRatio).relative_change };
  const change = changeOf(item.totals, previous, by);
  return { previous_value: change?.previous ?? null, change_points: change?.change_points ?? null, significant: change?.significant ?? false };
}

type Row<T extends Measured> = Omit<Ranked<T>, "rank">;

/** Larger first; undefined (n/a) last; 0 on a tie. */
function descending(a: number | null | undefined, b: number | null | undefined): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  return b - a;
}

function negated(value: number | null | undefined): number | undefined {
  return value === undefined || value === null ? undefined : -value;
}

const moved = (row: Row<Measured>) => row.change?.change_points ?? row.change?.relative_change;

/** Highest first for every metric (so bounce_rate puts the worst first); n/a last; ties by volume, then id. */
function byValue<T extends Measured>(a: Row<T>, b: Row<T>): number {
  return descending(a.value, b.value) || reach(b.item.totals) - reach(a.item.totals) || a.item.id.localeCompare(b.item.id);
}

/** The largest move in the asked direction first (most negative for a drop); no move (n/a) last; ties in value order. */
const ORDERS: Record<RankOrder, <T extends Measured>(a: Row<T>, b: Row<T>) => number> = {
  value: byValue,
  rise: (a, b) => descending(moved(a), moved(b)) || byValue(a, b),
  drop: (a, b) => descending(negated(moved(a)), negated(moved(b))) || byValue(a, b),
};

export function rank<T extends Measured>(items: readonly T[], by: RankBy, minDelivered: number, { order = "value", dayRatio = 1 }: RankOptions = {}): Ranking<T> {
  // When comparing, a rate needs enough volume in both periods: a move from a tiny period means nothing.
  const enough = (item: T) => !isRate(by) || (reach(item.totals) >= minDelivered && (item.previous === undefined || reach(item.previous) >= minDelivered));
  const rows: Row<T>[] = items.filter(enough).map((item) => {
    const change = rowChange(item, by, dayRatio);
    return { item, value: metricValue(item.totals, by), ...(change && { change }) };
  });
  return {
    rows: rows.sort(ORDERS[order]).map((row, k) => ({ ...row, rank: k + 1 })),
    small: items
      .filter((item) => !enough(item))
      .map((item) => ({ item, delivered: reach(item.totals), ...(item.previous && { previousDelivered: reach(item.previous) }) })),
  };
}
