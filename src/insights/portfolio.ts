// The portfolio a comparison ranks: summed totals, pooled rates (the rate of the sums,
// so big sends weigh more), the median of each rate across orchestrations (so one giant
// send does not set the bar), and the orchestrations far from it. When the
// orchestrations carry the previous period's figures, the portfolio is pooled for it too.

import { sumMetrics, type Metrics } from "../batch/stats.js";
import { figureChanges, type Change } from "./changes.js";
import type { Measured } from "./ranking.js";
import { RATES, rates, reach, twoProportionZ, Z_95, type Rate, type RateKey } from "./stats-math.js";

export interface Portfolio {
  /** How many orchestrations it sums. */
  count: number;
  totals: Metrics;
  pooled: Rate[];
  /** Median of each rate across orchestrations that have it. */
  medians: Partial<Record<RateKey, number>>;
  /** The same orchestrations over the previous period, pooled, and every change, when they carry previous figures. */
  previous?: { totals: Metrics; pooled: Rate[]; changes: Record<string, Change> };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  // A typed array sorts numerically without calling a comparator at each step: unusual
  // days take medians of every rate of every orchestration read.
  const sorted = new Float64Array(values).sort();
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function pooledPrevious(items: readonly Measured[], totals: Metrics, dayRatio: number): Portfolio["previous"] {
  if (!items.some((i) => i.previous)) return undefined;
  const previous = sumMetrics(items.map((i) => i.previous ?? {}));
  return { totals: previous, pooled: rates(previous), changes: figureChanges(totals, previous, dayRatio) };
}

/** `dayRatio` (current days / previous days) compares counts per day when the periods differ in length. */
export function portfolio(items: readonly Measured[], dayRatio = 1): Portfolio {
  const totals = sumMetrics(items.map((i) => i.totals));
  const perItem = items.map((i) => rates(i.totals));
  const medians: Partial<Record<RateKey, number>> = {};
  for (const spec of RATES) {
    const values = perItem.flatMap((rs) => rs.filter((r) => r.spec.key === spec.key && r.value !== undefined).map((r) => r.value as number));
    const m = median(values);
    if (m !== undefined) medians[spec.key] = m;
  }
  const previous = pooledPrevious(items, totals, dayRatio);
  return { count: items.length, totals, pooled: rates(totals), medians, ...(previous && { previous }) };
}

// ---- outliers ----

/** How far is "far": both a large gap and a real one. */
export const OUTLIER_RATIO = 2;
export const OUTLIER_MIN_PEERS = 3;
export const OUTLIER_RULE =
  `An outlier's rate is at least ${OUTLIER_RATIO}x or at most 1/${OUTLIER_RATIO} of the median of that rate across the compared orchestrations, ` +
  "and differs significantly from the rest of them pooled (two-proportion z-test, |z| >= 1.96, 95%); " +
  `only orchestrations with at least min_delivered delivered count, and only when at least ${OUTLIER_MIN_PEERS} of them do.`;

export interface Outlier<T extends Measured> {
  item: T;
  rate: RateKey;
  value: number;
  median: number;
  direction: "above" | "below";
  /** Whether that direction is the good one for this rate (higher opens, lower bounces). */
  better: boolean;
  z: number;
}

function far(value: number, mid: number): "above" | "below" | undefined {
  if (value > 0 && value >= OUTLIER_RATIO * mid) return "above";
  if (value <= mid / OUTLIER_RATIO && mid > 0) return "below";
  return undefined;
}

/** Outliers among `items` (already limited to enough volume), most significant first. */
export function outliers<T extends Measured>(items: readonly T[], minDelivered: number): Outlier<T>[] {
  const peers = items.filter((i) => reach(i.totals) >= minDelivered);
  if (peers.length < OUTLIER_MIN_PEERS) return [];
  const { medians } = portfolio(peers);
  const all = sumMetrics(peers.map((p) => p.totals));
  const found = peers.flatMap((item) => {
    const ownRates = rates(item.totals);
    // The rest of the portfolio: everyone's figures minus this one's.
    const restRates = rates(sumMetrics([all, Object.fromEntries(Object.entries(item.totals).map(([k, v]) => [k, -v]))]));
    return RATES.flatMap((spec): Outlier<T>[] => {
      const mid = medians[spec.key];
      const own = ownRates.find((r) => r.spec.key === spec.key);
      if (mid === undefined || own?.value === undefined) return [];
      const direction = far(own.value, mid);
      const rest = restRates.find((r) => r.spec.key === spec.key);
      const z = rest ? twoProportionZ(own.hits, own.base, rest.hits, rest.base) : undefined;
      if (!direction || z === undefined || Math.abs(z) < Z_95) return [];
      const better = (direction === "above") === (spec.better === "higher");
      return [{ item, rate: spec.key, value: own.value, median: mid, direction, better, z }];
    });
  });
  return found.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
}
