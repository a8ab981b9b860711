// Period-over-period performance findings: the last 30 days against the 30 before, so a
// send that got clearly worse is found while its rates still look ordinary against the
// fixed thresholds (performance.ts). Only a worsening is a finding, and only a
// significant one (CHANGE_RULE: 1,000 in each period's denominator, z-test at 95%).
// Without previous figures (an audit that read 30 days) they find nothing.

import type { Orchestration } from "../batch/orchestration.js";
import { each, type AuditContext, type OrchestrationRule, type Severity } from "./audit-rule.js";
import { CHANGE_MIN_BASE, changeOf, type RateChange } from "./changes.js";
import { percent } from "./percent.js";
import { PERFORMANCE_DAYS } from "./performance-figures.js";
import { RATES, type RateKey } from "./stats-math.js";

/** A fall of at least this share of the previous rate (relative) is a finding. */
export const FALL_MIN = 0.25;
/** A bounce rate at least this many times the previous one is a finding. */
export const BOUNCE_RISE_MIN = 2;

const SIGNIFICANT = `significant at 95%, at least ${CHANGE_MIN_BASE.toLocaleString("en-US")}`;

function change(o: Orchestration, ctx: AuditContext, key: RateKey): RateChange | undefined {
  const f = ctx.performance?.get(o.id);
  return f?.previous ? changeOf(f.totals, f.previous, key) : undefined;
}

const label = (key: RateKey) => RATES.find((r) => r.key === key)?.label ?? key;
const zText = (c: RateChange) => (c.z === undefined ? "" : `, |z| = ${Math.abs(c.z).toFixed(2)}`);

/** Both figures, the previous one named with its period. */
function bothFigures(key: RateKey, c: RateChange): string {
  return `${label(key)} ${percent(c.current)} in the last ${PERFORMANCE_DAYS} days vs ${percent(c.previous)} in the ${PERFORMANCE_DAYS} before`;
}

function fell(c: RateChange | undefined): boolean {
  return c !== undefined && c.significant && c.relative_change !== null && c.relative_change <= -FALL_MIN;
}

function doubled(c: RateChange | undefined): boolean {
  return c !== undefined && c.significant && c.current !== null && c.previous !== null && c.current > c.previous && c.current >= BOUNCE_RISE_MIN * c.previous;
}

interface Watch {
  key: RateKey;
  severity: Severity;
  /** The rule's id, and its title's threshold. */
  id: string;
  threshold: string;
  /** What its denominator counts, for the title: "delivered", "sent". */
  over: string;
  holds: (c: RateChange | undefined) => boolean;
  /** How much it moved, for the case's note. */
  moved: (c: RateChange) => string;
  why: string;
}

const fallen = (c: RateChange) => `${Math.round((c.relative_change ?? 0) * 100)}% relative`;

const WATCHES: readonly Watch[] = [
  {
    key: "bounce_rate",
    severity: "high",
    id: "bounce-rate-doubled",
    threshold: `Bounce rate at least ${BOUNCE_RISE_MIN}x`,
    over: "sent",
    holds: doubled,
    moved: (c) => (c.previous ? `${((c.current ?? 0) / c.previous).toFixed(1)}x` : "up from none"),
    why: "A bounce rate that doubled points at an address or token source gone stale or a delivery problem starting; for email it hurts the sender reputation before any fixed threshold is crossed.",
  },
  {
    key: "open_rate",
    severity: "medium",
    id: "open-rate-fell",
    threshold: `Open rate down by ${FALL_MIN * 100}% or more (relative)`,
    over: "delivered",
    holds: fell,
    moved: fallen,
    why: "A clear fall in opens against the send's own recent past means the subject or title, the timing or the audience changed for the worse.",
  },
  {
    key: "click_rate",
    severity: "medium",
    id: "click-rate-fell",
    threshold: `Click rate down by ${FALL_MIN * 100}% or more (relative)`,
    over: "delivered",
    holds: fell,
    moved: fallen,
    why: "A clear fall in clicks against the send's own recent past means the content, the offer or the links stopped working for this audience.",
  },
];

function rule(w: Watch): OrchestrationRule {
  return {
    id: w.id,
    title: `${w.threshold} in the last ${PERFORMANCE_DAYS} days against the ${PERFORMANCE_DAYS} before (${SIGNIFICANT} ${w.over} in each period)`,
    severity: w.severity,
    appliesTo: "orchestrations",
    why: w.why,
    cases: each(
      (o, ctx) => w.holds(change(o, ctx, w.key)),
      (o, ctx) => {
        const c = change(o, ctx, w.key);
        return c ? `${bothFigures(w.key, c)} (${w.moved(c)}${zText(c)})` : "";
      },
    ),
  };
}

/** The period-over-period rules, most severe first; they need PerformanceFigures.previous. */
export const CHANGE_RULES: readonly OrchestrationRule[] = WATCHES.map(rule);
