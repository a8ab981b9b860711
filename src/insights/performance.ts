// Performance findings for the audit: pure rules over the last 30 days of figures of
// running orchestrations. Each states its threshold in its title and why it matters;
// each case says the figures that crossed it.

import type { Orchestration } from "../batch/orchestration.js";
import type { Metrics } from "../batch/stats.js";
import { each, type AuditContext, type OrchestrationRule } from "./audit-rule.js";
import { PERFORMANCE_DAYS, RECENT_DAYS, type PerformanceFigures } from "./performance-figures.js";
import { median } from "./portfolio.js";
import { SILENT_TYPES } from "./silence.js";
import { percent } from "./percent.js";
import { compareVersions, rates, reach, type RateKey } from "./stats-math.js";

export const BOUNCE_MAX = 0.05;
export const UNSUBSCRIBE_MAX = 0.01;
/** Least volume before a rate is judged. */
export const MIN_VOLUME = 1_000;
/** The project median needs this many orchestrations with enough volume to mean anything. */
const MIN_PEERS = 3;
/** A/B rates where a significant leader means the test could be settled. */
const AB_RATES: readonly RateKey[] = ["open_rate", "click_rate", "click_to_open_rate"];

const rateOf = (m: Metrics, key: RateKey) => rates(m).find((r) => r.spec.key === key)?.value;
const n = (value: number) => value.toLocaleString("en-US");

function figuresOf(o: Orchestration, ctx: AuditContext): PerformanceFigures | undefined {
  return ctx.performance?.get(o.id);
}

/** The project's median open rate over orchestrations with enough delivered; undefined with too few. */
export function medianOpenRate(performance: ReadonlyMap<string, PerformanceFigures>): number | undefined {
  const values = [...performance.values()]
    .filter((f) => reach(f.totals) >= MIN_VOLUME)
    .flatMap((f) => {
      const v = rateOf(f.totals, "open_rate");
      return v === undefined ? [] : [v];
    });
  return values.length >= MIN_PEERS ? median(values) : undefined;
}

function bounce(o: Orchestration, ctx: AuditContext): number | undefined {
  const f = figuresOf(o, ctx);
  return f && (f.totals.sent ?? 0) >= MIN_VOLUME ? rateOf(f.totals, "bounce_rate") : undefined;
}

function unsubscribe(o: Orchestration, ctx: AuditContext): number | undefined {
  const f = figuresOf(o, ctx);
  return f && reach(f.totals) >= MIN_VOLUME ? rateOf(f.totals, "unsubscribe_rate") : undefined;
}

function openGap(o: Orchestration, ctx: AuditContext): { open: number; median: number } | undefined {
  const f = figuresOf(o, ctx);
  const mid = ctx.performance && medianOpenRate(ctx.performance);
  const open = f && reach(f.totals) >= MIN_VOLUME ? rateOf(f.totals, "open_rate") : undefined;
  return open !== undefined && mid !== undefined && open < mid / 2 ? { open, median: mid } : undefined;
}

function settledTest(o: Orchestration, ctx: AuditContext): string | undefined {
  const f = figuresOf(o, ctx);
  if (!f || f.versions.length < 2 || f.versions.some((v) => !f.recentVersions.includes(v.version))) return undefined;
  const lead = compareVersions(f.versions)?.byRate.find((r) => r.leader !== undefined && AB_RATES.includes(r.rate));
  if (!lead?.leader) return undefined;
  const value = (version: string | undefined) => percent(rateOf(f.versions.find((v) => v.version === version)?.metrics ?? {}, lead.rate));
  const rate = lead.rate.replace(/_rate$/, "").replace(/_/g, "-");
  return `version ${lead.leader} leads on ${rate} (${value(lead.leader)} vs ${value(lead.behind)}, |z| = ${Math.abs(lead.z ?? 0).toFixed(2)}), and every version sent in the last ${RECENT_DAYS} days`;
}

export const PERFORMANCE_RULES: readonly OrchestrationRule[] = [
  {
    id: "high-bounce-rate",
    title: `Bounce rate over ${percent(BOUNCE_MAX)} of sent (at least ${n(MIN_VOLUME)} sent, last ${PERFORMANCE_DAYS} days)`,
    severity: "high",
    appliesTo: "orchestrations",
    why: "A high bounce rate means stale or invalid addresses and tokens; for email it hurts the sender reputation, and with it the delivery of every other send.",
    cases: each(
      (o, ctx) => (bounce(o, ctx) ?? 0) > BOUNCE_MAX,
      (o, ctx) => `bounce ${percent(bounce(o, ctx))} of ${n(figuresOf(o, ctx)?.totals.sent ?? 0)} sent`,
    ),
  },
  {
    id: "high-unsubscribe-rate",
    title: `Unsubscribe rate over ${percent(UNSUBSCRIBE_MAX)} of delivered (at least ${n(MIN_VOLUME)} delivered, last ${PERFORMANCE_DAYS} days)`,
    severity: "medium",
    appliesTo: "orchestrations",
    why: "Each unsubscribe is an audience lost for every future send; above 1% the content, frequency or targeting is pushing people away.",
    cases: each(
      (o, ctx) => (unsubscribe(o, ctx) ?? 0) > UNSUBSCRIBE_MAX,
      (o, ctx) => `unsubscribe ${percent(unsubscribe(o, ctx))} of ${n(reach(figuresOf(o, ctx)?.totals ?? {}))} delivered`,
    ),
  },
  {
    id: "running-but-silent",
    title: `Running trigger automations or recurring sends with nothing sent in the last ${PERFORMANCE_DAYS} days`,
    severity: "medium",
    appliesTo: "orchestrations",
    why: "Running but sending nothing usually means a broken trigger, an empty segment or a missing message; users expected to receive it do not.",
    cases: each(
      (o, ctx) => o.status === "running" && SILENT_TYPES.includes(o.type) && figuresOf(o, ctx) !== undefined && (figuresOf(o, ctx)?.totals.sent ?? 0) === 0,
      (o) => `${o.type}, sent 0`,
    ),
  },
  {
    id: "low-open-rate",
    title: `Open rate under half the project's median (at least ${n(MIN_VOLUME)} delivered, last ${PERFORMANCE_DAYS} days)`,
    severity: "medium",
    appliesTo: "orchestrations",
    why: "Far fewer opens than the project's other sends points at the subject or title, the timing, or an audience that no longer cares.",
    cases: each(
      (o, ctx) => openGap(o, ctx) !== undefined,
      (o, ctx) => {
        const gap = openGap(o, ctx);
        return `open ${percent(gap?.open)} vs project median ${percent(gap?.median)}`;
      },
    ),
  },
  {
    id: "ab-test-settled",
    title: "A/B tests with a significant leader while every version still sends",
    severity: "low",
    appliesTo: "orchestrations",
    why: "Once a version wins significantly (two-proportion z-test, 95%, each version at least 1,000 delivered), sending the others loses opens or clicks for nothing.",
    cases: each(
      (o, ctx) => settledTest(o, ctx) !== undefined,
      (o, ctx) => settledTest(o, ctx) ?? "",
    ),
  },
];
