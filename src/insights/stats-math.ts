// Derived rates and the A/B verdict, as pure functions over Metrics. The rate table is
// data: each rate names its numerator, the denominators it accepts in order of
// preference, and whether higher or lower is better.

import type { Metrics, VersionFigures } from "../batch/stats.js";

export type RateKey =
  | "delivery_rate"
  | "open_rate"
  | "click_rate"
  | "click_to_open_rate"
  | "bounce_rate"
  | "unsubscribe_rate"
  | "spam_rate";

export interface RateSpec {
  key: RateKey;
  /** Short name for text: "open" -> "open 25.3%". */
  label: string;
  numerator: string;
  /** The first of these present in the figures is the denominator. */
  over: readonly string[];
  better: "higher" | "lower";
}

// Open and click rates are over delivered. Push figures may lack `delivered`: a community
// integration reports `sent_optin` as the right denominator there, and `sent` is the last resort.
const DELIVERED = ["delivered", "sent_optin", "sent"] as const;

export const RATES: readonly RateSpec[] = [
  { key: "delivery_rate", label: "delivery", numerator: "delivered", over: ["sent"], better: "higher" },
  { key: "open_rate", label: "open", numerator: "unique_open", over: DELIVERED, better: "higher" },
  { key: "click_rate", label: "click", numerator: "unique_click", over: DELIVERED, better: "higher" },
  { key: "click_to_open_rate", label: "click-to-open", numerator: "unique_click", over: ["unique_open"], better: "higher" },
  { key: "bounce_rate", label: "bounce", numerator: "total_bounce", over: ["sent"], better: "lower" },
  { key: "unsubscribe_rate", label: "unsubscribe", numerator: "unsubscribe", over: DELIVERED, better: "lower" },
  { key: "spam_rate", label: "spam", numerator: "spam", over: DELIVERED, better: "lower" },
];

export interface Rate {
  spec: RateSpec;
  /** undefined when the denominator is 0: shown as "n/a", never NaN or Infinity. */
  value: number | undefined;
  hits: number;
  base: number;
  /** "unique_open / delivered", naming the denominator actually used. */
  definition: string;
}

/** The first of the rate's accepted denominators these figures have (a plain loop: it runs for every day scanned). */
export function denominatorOf(metrics: Metrics, spec: RateSpec): string | undefined {
  for (const key of spec.over) if (metrics[key] !== undefined) return key;
  return undefined;
}

/** The rates these figures support: a rate whose numerator or every denominator is absent is left out. */
export function rates(metrics: Metrics): Rate[] {
  return RATES.flatMap((spec) => {
    const hits = metrics[spec.numerator];
    const denominator = denominatorOf(metrics, spec);
    const base = denominator === undefined ? undefined : metrics[denominator];
    if (hits === undefined || base === undefined) return [];
    return [{ spec, value: ratio(hits, base), hits, base, definition: `${spec.numerator} / ${denominator}` }];
  });
}

export function ratio(hits: number, base: number): number | undefined {
  return base > 0 ? hits / base : undefined;
}

/** The count the A/B rule is about: delivered, or the same stand-ins the open rate accepts. */
export function reach(metrics: Metrics): number {
  const key = DELIVERED.find((k) => metrics[k] !== undefined);
  return key === undefined ? 0 : (metrics[key] ?? 0);
}

// ---- A/B ----

/** Each version needs this many delivered before any verdict. */
export const AB_MIN_DELIVERED = 1_000;
/** |z| at or above this is significant at 95%, two-sided. */
export const Z_95 = 1.959964;

export const AB_RULE =
  `A verdict needs every version to have at least ${AB_MIN_DELIVERED} delivered; ` +
  "then the leader on a rate beats the runner-up significantly when a two-proportion z-test gives |z| >= 1.96 (95%, two-sided).";

/** Two-proportion z statistic with pooled variance; undefined when it cannot be computed. */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number | undefined {
  if (!(n1 > 0 && n2 > 0)) return undefined;
  const [p1, p2] = [x1 / n1, x2 / n2];
  if (p1 < 0 || p1 > 1 || p2 < 0 || p2 > 1) return undefined;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se === 0 ? 0 : (p1 - p2) / se;
}

export interface RateComparison {
  rate: RateKey;
  /** The version with the better value (higher, or lower for bounce, unsubscribe, spam), significant or not. */
  ahead?: string;
  /** The next best version, the one `ahead` is tested against. */
  behind?: string;
  z?: number;
  /** Every version has enough sends and |z| >= Z_95. */
  significant: boolean;
  /** `ahead`, but only when the difference is significant: the verdict. */
  leader?: string;
}

export interface AbComparison {
  /** True when every version reached AB_MIN_DELIVERED. */
  enoughSends: boolean;
  byRate: RateComparison[];
}

interface Scored {
  version: string;
  rate: Rate;
}

function compareRate(key: RateKey, scored: Scored[], enoughSends: boolean): RateComparison {
  const valued = scored.filter((s): s is Scored & { rate: Rate & { value: number } } => s.rate.value !== undefined);
  const sign = valued[0]?.rate.spec.better === "lower" ? -1 : 1;
  const [ahead, behind] = [...valued].sort((a, b) => sign * (b.rate.value - a.rate.value));
  // A tie has no one ahead.
  if (!ahead || !behind || ahead.rate.value === behind.rate.value) return { rate: key, significant: false };
  const z = twoProportionZ(ahead.rate.hits, ahead.rate.base, behind.rate.hits, behind.rate.base);
  const significant = enoughSends && z !== undefined && Math.abs(z) >= Z_95;
  return {
    rate: key,
    ahead: ahead.version,
    behind: behind.version,
    ...(z !== undefined && { z }),
    significant,
    ...(significant && { leader: ahead.version }),
  };
}

/** Versions side by side, rate by rate; undefined with fewer than two versions. */
export function compareVersions(versions: readonly VersionFigures[]): AbComparison | undefined {
  if (versions.length < 2) return undefined;
  const enoughSends = versions.every((v) => reach(v.metrics) >= AB_MIN_DELIVERED);
  const scored = versions.map((v) => ({ version: v.version, rates: rates(v.metrics) }));
  const byRate = RATES.flatMap((spec) => {
    const forRate = scored.flatMap((s) => s.rates.filter((r) => r.spec.key === spec.key).map((rate) => ({ version: s.version, rate })));
    return forRate.length === versions.length ? [compareRate(spec.key, forRate, enoughSends)] : [];
  });
  return { enoughSends, byRate };
}
