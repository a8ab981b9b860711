// Unusual days: a day whose rate stands far from the range's usual value, robustly (the
// median and the median absolute deviation, so the outlier being looked for cannot drag
// the yardstick), on enough volume, and significantly different from the rest of the
// range pooled.

import { sumMetrics, type Metrics } from "../batch/stats.js";
import { median } from "./portfolio.js";
import { RATES, rates, twoProportionZ, Z_95, type Rate, type RateKey } from "./stats-math.js";

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

/** The median and the robust spread around it; undefined when the values do not vary at all. */
export function robustSpread(values: readonly number[]): { median: number; scale: number } | undefined {
  const mid = median(values);
  if (mid === undefined) return undefined;
  const deviations = values.map((v) => Math.abs(v - mid));
  const mad = median(deviations) ?? 0;
  const meanAd = deviations.reduce((a, b) => a + b, 0) / deviations.length;
  const scale = mad > 0 ? MAD_SCALE * mad : MEAN_AD_SCALE * meanAd;
  return scale > 0 ? { median: mid, scale } : undefined;
}

type Valued = Rate & { value: number };

/** One rate's unusual days, given each day's rates and the whole range's. */
function unusualOn(key: RateKey, days: readonly DayFigures[], dayRates: readonly Rate[][], whole: Rate | undefined): Anomaly[] {
  const judged = days.flatMap((day, k) => {
    const rate = dayRates[k]?.find((r) => r.spec.key === key);
    return rate && rate.value !== undefined && rate.base >= ANOMALY_MIN_BASE ? [{ date: day.date, rate: rate as Valued }] : [];
  });
  const spread = judged.length >= ANOMALY_MIN_DAYS ? robustSpread(judged.map((j) => j.rate.value)) : undefined;
  if (!spread || !whole) return [];
  return judged.flatMap(({ date, rate }) => {
    const score = Math.abs(rate.value - spread.median) / spread.scale;
    // The rest of the range pooled: the whole range's figures less this day's, on the same definition.
    const z = score >= ANOMALY_SCORE && rate.definition === whole.definition ? twoProportionZ(rate.hits, rate.base, whole.hits - rate.hits, whole.base - rate.base) : undefined;
    if (z === undefined || Math.abs(z) < Z_95) return [];
    return [{ date, metric: key, value: rate.value, usual: spread.median, score: Number(score.toFixed(2)) }];
  });
}

/** Every rate's unusual days over a daily series (one entry per day, in any order). */
export function unusualDays(days: readonly DayFigures[]): Anomaly[] {
  const dayRates = days.map((d) => rates(d.metrics));
  const whole = rates(sumMetrics(days.map((d) => d.metrics)));
  return RATES.flatMap((spec) => unusualOn(spec.key, days, dayRates, whole.find((r) => r.spec.key === spec.key)));
}
