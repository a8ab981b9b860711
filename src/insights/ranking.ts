// Ranking orchestrations on one metric. Rates are judged only on enough volume: a 50-send
// test with 90% opens must not win, so below `minDelivered` an orchestration is set aside
// (with its delivered count) rather than ranked on a rate. Counts rank everyone.

import type { Metrics } from "../batch/stats.js";
import { rates, reach, type RateKey } from "./stats-math.js";

export const RANK_BY = [
  "open_rate", "click_rate", "click_to_open_rate", "delivery_rate", "bounce_rate", "unsubscribe_rate", "sent", "delivered",
] as const;
export type RankBy = (typeof RANK_BY)[number];

const COUNTS: readonly RankBy[] = ["sent", "delivered"];

export function isRate(by: RankBy): by is RankBy & RateKey {
  return !COUNTS.includes(by);
}

/** Anything with figures summed over the range. */
export interface Measured {
  id: string;
  totals: Metrics;
}

export interface Ranked<T extends Measured> {
  item: T;
  /** 1 = highest value; rows without a value (n/a) come last. */
  rank: number;
  value: number | undefined;
}

export interface Ranking<T extends Measured> {
  rows: Ranked<T>[];
  /** Set aside when ranking on a rate: fewer than minDelivered delivered. */
  small: Array<{ item: T; delivered: number }>;
}

/** The metric's value in these figures; undefined when they cannot support it (a rate over zero). */
export function metricValue(totals: Metrics, by: RankBy): number | undefined {
  if (!isRate(by)) return totals[by];
  return rates(totals).find((r) => r.spec.key === by)?.value;
}

/** Highest first for every metric (so bounce_rate puts the worst first); n/a last; ties by volume, then id. */
function order<T extends Measured>(a: { item: T; value: number | undefined }, b: { item: T; value: number | undefined }): number {
  if (a.value !== b.value) {
    if (a.value === undefined) return 1;
    if (b.value === undefined) return -1;
    return b.value - a.value;
  }
  return reach(b.item.totals) - reach(a.item.totals) || a.item.id.localeCompare(b.item.id);
}

export function rank<T extends Measured>(items: readonly T[], by: RankBy, minDelivered: number): Ranking<T> {
  const enough = (item: T) => !isRate(by) || reach(item.totals) >= minDelivered;
  const valued = items.filter(enough).map((item) => ({ item, value: metricValue(item.totals, by) }));
  return {
    rows: valued.sort(order).map((v, k) => ({ ...v, rank: k + 1 })),
    small: items.filter((item) => !enough(item)).map((item) => ({ item, delivered: reach(item.totals) })),
  };
}
