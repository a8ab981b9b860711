// Unusual days: a day whose rate stands far from the range's usual value, robustly (the
// median and the median absolute deviation, so the outlier being looked for cannot drag
// the yardstick), on enough volume, and significantly different from the rest of the
// range pooled.

import type { Metrics } from "../batch/stats.js";
import { denominatorOf, RATES, twoProportionZ, Z_95, type RateKey, type RateSpec } from "./stats-math.js";

/** A robust score at or above this is far (Iglewicz and Hoaglin's modified z-score cut-off). */
export const ANOMALY_SCORE = 3.5;
/** A day needs this much in the rate's denominator to be judged, or to count towards "usual". */
export const ANOMALY_MIN_BASE = 500;
/** Days with enough volume a rate needs before "usual" means anything: a week. */
export const ANOMALY_MIN_DAYS = 7;
/** MAD x 1.4826 estimates the standard deviation of normal data. */
const MAD_SCALE = 1.4826;
/** Mean absolute deviation x 1.2533 does the same, used when more than half the days are equal (MAD = 0). */
const MEAN_AD_SCALE = 1.2533;

export const ANOMALY_RULE =
  `A day is unusual on a rate when |value - median| / (1.4826 x MAD) >= ${ANOMALY_SCORE} over the range's days with at least ${ANOMALY_MIN_BASE} in the rate's denominator ` +
  `(at least ${ANOMALY_MIN_DAYS} such days; when MAD is 0, 1.2533 x the mean absolute deviation stands in), the day itself has at least ${ANOMALY_MIN_BASE}, ` +
  "and it differs from the rest of the range pooled (two-proportion z-test, |z| >= 1.96, 95%).";

export interface Anomaly {
  /** The unusual day; for silence, the first silent day. */
  date: string;
  /** The rate that stood out, or "sent" for silence. */
  metric: RateKey | "sent";
  /** The day's rate (a fraction); 0 for silence. */
  value: number;
  /** The range's median of that rate; for silence, the median daily sends on sending days before it. */
  usual: number;
  /** The robust score (how many robust standard deviations away); for silence, the number of silent days. */
  score: number;
  /** Silence only: the last silent day. */
  until?: string;
}

export interface DayFigures {
  date: string;
  metrics: Metrics;
}

/**
 * The k-th smallest of `work` (0-based), by quickselect: linear on average where sorting
 * is n log n, and this runs twice per rate of every orchestration scanned. It reorders
 * `work` so that everything before index k is at most the value returned.
 */
function select(work: Float64Array, k: number): number {
  const at = (i: number) => work[i] ?? 0;
  let [lo, hi] = [0, work.length - 1];
  while (lo < hi) {
    const pivot = at((lo + hi) >> 1);
    let [i, j] = [lo, hi];
    while (i <= j) {
      while (at(i) < pivot) i++;
      while (at(j) > pivot) j--;
      if (i <= j) {
        const swapped = at(i);
        work[i++] = at(j);
        work[j--] = swapped;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return at(k);
}

/** The median of `work`, reordering it. */
function middle(work: Float64Array): number {
  const mid = work.length >> 1;
  const upper = select(work, mid);
  if (work.length % 2) return upper;
  // Everything before `mid` is now at most `upper`: the lower middle is their largest.
  let lower = -Infinity;
  for (let k = 0; k < mid; k++) lower = Math.max(lower, work[k] ?? 0);
  return (lower + upper) / 2;
}

/**
 * The median and the robust spread around it; undefined when the values do not vary at
 * all. One typed copy finds the median, then holds the deviations for the MAD: nothing
 * else is allocated.
 */
export function robustSpread(values: ArrayLike<number>): { median: number; scale: number } | undefined {
  if (values.length === 0) return undefined;
  const work = Float64Array.from(values);
  const median = middle(work);
  let total = 0;
  for (let k = 0; k < work.length; k++) {
    const deviation = Math.abs((work[k] ?? 0) - median);
    work[k] = deviation;
    total += deviation;
  }
  const mad = middle(work);
  const scale = mad > 0 ? MAD_SCALE * mad : MEAN_AD_SCALE * (total / work.length);
  return scale > 0 ? { median, scale } : undefined;
}

/** Days with enough volume to judge a rate on, as parallel columns reused rate after rate. */
class Judged {
  count = 0;
  readonly day: Int32Array;
  readonly hits: Float64Array;
  readonly base: Float64Array;
  readonly value: Float64Array;
  constructor(size: number) {
    [this.day, this.hits, this.base, this.value] = [new Int32Array(size), new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  }
}

/**
 * One rate's unusual days. Plain numbers in reused columns rather than Rate objects: this
 * runs for every rate of every day of every orchestration an audit or a comparison reads.
 * Only days over the denominator the range as a whole uses (delivered, say, rather than
 * sent) are judged and pooled.
 */
function unusualOn(spec: RateSpec, days: readonly DayFigures[], judged: Judged): Anomaly[] {
  const wholeKey = spec.over.find((key) => days.some((d) => d.metrics[key] !== undefined));
  let [wholeHits, wholeBase] = [0, 0];
  judged.count = 0;
  days.forEach(({ metrics }, k) => {
    const hits = metrics[spec.numerator];
    if (hits === undefined || wholeKey === undefined || denominatorOf(metrics, spec) !== wholeKey) return;
    const base = metrics[wholeKey] ?? 0;
    wholeHits += hits;
    wholeBase += base;
    if (base < ANOMALY_MIN_BASE) return;
    // Plain stores: a destructuring assignment would allocate an array per day.
    const j = judged.count++;
    judged.day[j] = k;
    judged.hits[j] = hits;
    judged.base[j] = base;
    judged.value[j] = hits / base;
  });
  const spread = judged.count >= ANOMALY_MIN_DAYS ? robustSpread(judged.value.subarray(0, judged.count)) : undefined;
  if (!spread) return [];
  const found: Anomaly[] = [];
  for (let j = 0; j < judged.count; j++) {
    const hits = judged.hits[j] ?? 0;
    const base = judged.base[j] ?? 0;
    const value = judged.value[j] ?? 0;
    const score = Math.abs(value - spread.median) / spread.scale;
    if (score < ANOMALY_SCORE) continue;
    // Against the rest of the range pooled: the whole range less this day.
    const z = twoProportionZ(hits, base, wholeHits - hits, wholeBase - base);
    if (z === undefined || Math.abs(z) < Z_95) continue;
    found.push({ date: days[judged.day[j] ?? 0]?.date ?? "", metric: spec.key, value, usual: spread.median, score: Number(score.toFixed(2)) });
  }
  return found;
}

/** Every rate's unusual days over a daily series (one entry per day, in any order). */
export function unusualDays(days: readonly DayFigures[]): Anomaly[] {
  const judged = new Judged(days.length);
  return RATES.flatMap((spec) => unusualOn(spec, days, judged));
}
