// What changed between two periods: each rate's move in percentage points with the same
// two-proportion z-test the A/B verdict uses, and the volumes' relative change. A move is
// called significant only on enough volume in both periods, so a 40-send week cannot
// "collapse" the open rate.

import type { Metrics } from "../batch/stats.js";
import type { Period } from "./periods.js";
import { figures, type Figures } from "./figures.js";
import { AB_MIN_DELIVERED, rates, RATES, twoProportionZ, Z_95, type Rate, type RateKey } from "./stats-math.js";

/** Each period's denominator must reach this before a change is called significant (the A/B floor). */
export const CHANGE_MIN_BASE = AB_MIN_DELIVERED;

export const CHANGE_RULE =
  `A rate's change is significant when each period has at least ${CHANGE_MIN_BASE.toLocaleString("en-US")} in the rate's denominator ` +
  "and a two-proportion z-test gives |z| >= 1.96 (95%, two-sided), as for A/B versions.";

/** The volumes compared, in this order, before the rates. */
export const CHANGE_COUNTS = ["sent", "delivered"] as const;

export interface RateChange {
  /** This period's rate, a fraction (as rates[key].value); null when its denominator is 0. */
  current: number | null;
  previous: number | null;
  /** current - previous in percentage points (25.3% -> 15.3% is -10); null when either is n/a. */
  change_points: number | null;
  /** current / previous - 1 (-0.4 is 40% lower); null when either is n/a or previous is 0. */
  relative_change: number | null;
  /** Two-proportion z, current against previous; absent when it cannot be computed. */
  z?: number;
  /** Both denominators reach CHANGE_MIN_BASE and |z| >= 1.96. */
  significant: boolean;
  /** Whether the move is the good way for this rate (more opens, fewer bounces); absent when there is no move. */
  better?: boolean;
}

export interface CountChange {
  current: number;
  previous: number;
  /** current / previous - 1, per day when the periods differ in length; null when previous is 0. */
  relative_change: number | null;
}

export type Change = RateChange | CountChange;

export function isRateChange(change: Change): change is RateChange {
  return "change_points" in change;
}

export interface PeriodComparison {
  previous: Period & Figures;
  /** sent, delivered, then each rate either period has, keyed as `rates` is. */
  changes: Record<string, Change>;
  /** When a change is significant (CHANGE_RULE). */
  rule: string;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** One rate's change; undefined when neither period has the rate. */
export function rateChange(current: Rate | undefined, previous: Rate | undefined): RateChange | undefined {
  const spec = current?.spec ?? previous?.spec;
  if (!spec) return undefined;
  const [now, before] = [current?.value, previous?.value];
  const delta = now !== undefined && before !== undefined ? now - before : undefined;
  const z = current && previous ? twoProportionZ(current.hits, current.base, previous.hits, previous.base) : undefined;
  const enough = (current?.base ?? 0) >= CHANGE_MIN_BASE && (previous?.base ?? 0) >= CHANGE_MIN_BASE;
  return {
    current: now ?? null,
    previous: before ?? null,
    change_points: delta === undefined ? null : round(delta * 100, 2),
    relative_change: delta === undefined || !before ? null : round(delta / before, 4),
    ...(z !== undefined && { z: round(z, 2) }),
    significant: enough && z !== undefined && Math.abs(z) >= Z_95,
    ...(delta !== undefined && delta !== 0 && { better: delta > 0 === (spec.better === "higher") }),
  };
}

/** A volume's change; `dayRatio` (current days / previous days) puts periods of different lengths on a per-day footing. */
export function countChange(current: number, previous: number, dayRatio = 1): CountChange {
  return { current, previous, relative_change: previous > 0 ? round(current / (previous * dayRatio) - 1, 4) : null };
}

/** Every change between two sets of figures: the volumes either has, then the rates either has, in the rate table's order. */
export function figureChanges(current: Metrics, previous: Metrics, dayRatio = 1): Record<string, Change> {
  const counts = CHANGE_COUNTS.filter((k) => current[k] !== undefined || previous[k] !== undefined).map((k) => [k, countChange(current[k] ?? 0, previous[k] ?? 0, dayRatio)] as const);
  const [now, before] = [rates(current), rates(previous)];
  const rateChanges = RATES.flatMap((spec) => {
    const change = rateChange(now.find((r) => r.spec.key === spec.key), before.find((r) => r.spec.key === spec.key));
    return change ? [[spec.key, change] as const] : [];
  });
  return Object.fromEntries([...counts, ...rateChanges]);
}

/** The comparison a stats report carries: the previous period's figures and every change. */
export function periodComparison(current: Metrics, previous: Metrics, periods: { current: Period; previous: Period }): PeriodComparison {
  return {
    previous: { from: periods.previous.from, to: periods.previous.to, days: periods.previous.days, ...figures(previous) },
    changes: figureChanges(current, previous, periods.current.days / periods.previous.days),
    rule: CHANGE_RULE,
  };
}

/**
 * The order text reads changes in: significant rate changes first, the largest |z| first,
 * then the volumes, then the other rates in the rate table's order.
 */
export function orderedChanges(changes: Readonly<Record<string, Change>>): Array<[string, Change]> {
  const entries = Object.entries(changes);
  const significant = entries
    .filter((e): e is [string, RateChange] => isRateChange(e[1]) && e[1].significant)
    .sort((a, b) => Math.abs(b[1].z ?? 0) - Math.abs(a[1].z ?? 0));
  return [...significant, ...entries.filter(([, c]) => !isRateChange(c) || !c.significant)];
}

/** A rate key's change, typed: what the audit rules and ranking read. */
export function changeOf(current: Metrics, previous: Metrics, key: RateKey): RateChange | undefined {
  const pick = (m: Metrics) => rates(m).find((r) => r.spec.key === key);
  return rateChange(pick(current), pick(previous));
}
