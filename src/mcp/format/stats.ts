// The text of a stats report: a short readable summary for the model, never a raw dump.
// Range, totals, rates grouped by what they are over, per-step lines, the A/B verdict,
// and the lines of the grouping asked for.

import type { StatsRange } from "../../batch/stats-range.js";
import { STATS_HISTORY_MONTHS } from "../../batch/stats-range.js";
import { RATES } from "../../insights/stats-math.js";
import type { AbRate, AbReport, Figures, GroupBy, StatsReport } from "../../insights/stats-report.js";
import { compactDate, count, fields, plural } from "./text.js";

/** "2025-03-01" -> "1 Mar 2025", as the listings print dates. */
function day(value: string): string {
  return compactDate(value) ?? value;
}

/** What the report should say about the range itself: a `from` older than Batch keeps was moved. */
export function rangeNotes(range: StatsRange): string[] {
  return range.requestedFrom === undefined
    ? []
    : [`Batch keeps statistics for ${STATS_HISTORY_MONTHS} months only, so from ${day(range.requestedFrom)} was moved to ${day(range.from)}.`];
}

const RATE_LABELS: Record<string, string> = Object.fromEntries(RATES.map((r) => [r.key, r.label]));

function rateLabel(key: string): string {
  return RATE_LABELS[key] ?? key;
}

function metricsText(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([k, v]) => `${k} ${count(v)}`)
    .join(" · ");
}

/** "delivery 87.2% · bounce 1.4% (of sent); open 25.3% · click 4.4% (of delivered)": each rate says what it is over. */
export function ratesText(rates: Figures["rates"]): string {
  const byBase = new Map<string, string[]>();
  for (const [key, r] of Object.entries(rates)) {
    const base = r.definition.split(" / ")[1] ?? "";
    byBase.set(base, [...(byBase.get(base) ?? []), `${rateLabel(key)} ${r.percent}`]);
  }
  return [...byBase].map(([base, parts]) => `${parts.join(" · ")} (of ${base})`).join("; ");
}

// Breakdown lines show the volume and the rates; all metrics only when neither count is there.
const VOLUME = ["sent", "delivered"];

/** `- label: sent 972 · delivered 847 · open 25.3% · ...` */
export function figuresLine(label: string, f: Figures): string {
  const volume = Object.entries(f.totals).filter(([k]) => VOLUME.includes(k));
  const counts = volume.length ? metricsText(Object.fromEntries(volume)) : metricsText(f.totals);
  const rates = Object.entries(f.rates).map(([k, r]) => `${rateLabel(k)} ${r.percent}`);
  return `- ${label}: ${fields(counts || "no figures", ...rates)}`;
}

function percentOf(ab: AbReport, version: string | undefined, rate: string): string {
  return ab.versions.find((v) => v.version === version)?.rates[rate]?.percent ?? "n/a";
}

function leadText(ab: AbReport, r: AbRate): string {
  // |z|: for bounce, unsubscribe and spam the leader is lower, so z itself is negative.
  const z = r.z === undefined ? "" : `, |z| = ${Math.abs(r.z).toFixed(2)}`;
  return `${r.leader} leads on ${rateLabel(r.rate)} (${percentOf(ab, r.leader, r.rate)} vs ${percentOf(ab, r.behind, r.rate)}${z})`;
}

/** One sentence: who leads on what, or why there is no verdict. */
export function abVerdict(ab: AbReport): string {
  const names = ab.versions.map((v) => v.version).join(", ");
  if (!ab.enough_sends) {
    const reached = ab.versions.map((v) => `${v.version} ${count(v.delivered)}`).join(", ");
    return `A/B (${names}): no verdict, too few sends: delivered ${reached}; each version needs at least ${count(ab.min_delivered)} before a two-proportion z-test can say anything.`;
  }
  const leads = ab.by_rate.filter((r) => r.leader !== undefined).map((r) => leadText(ab, r));
  const even = ab.by_rate.filter((r) => r.leader === undefined).map((r) => rateLabel(r.rate));
  const verdict = [...leads, ...(even.length ? [`no significant difference on ${leads.length ? even.join(", ") : "any rate"}`] : [])];
  return `A/B (${names}): ${verdict.join("; ")} (two-proportion z-test, 95%).`;
}

// The lines each grouping adds under the summary.
const GROUP_LINES: Record<GroupBy, (r: StatsReport) => string[]> = {
  total: () => [],
  day: (r) => section(`By day (${plural(r.days?.length ?? 0, "day")} with figures)`, (r.days ?? []).map((d) => figuresLine(day(d.date), d))),
  version: (r) => section("A/B versions", (r.ab?.versions ?? []).map((v) => figuresLine(v.version, v))),
  platform: (r) => section("By platform", (r.platforms ?? []).map((p) => figuresLine(p.platform, p))),
};

function section(title: string, lines: string[]): string[] {
  return lines.length ? ["", `${title}:`, ...lines] : [];
}

function stepLabel(s: { step_id?: string; step_name?: string }): string {
  return [s.step_id, s.step_name && `"${s.step_name}"`].filter(Boolean).join(" ") || "(unnamed step)";
}

/** The other groupings worth suggesting for this report. */
function moreHint(r: StatsReport): string | undefined {
  const options = [
    r.group_by !== "day" && `"day" (daily series)`,
    r.group_by !== "version" && r.ab && `"version" (each A/B version's figures)`,
    r.group_by !== "platform" && `"platform"`,
  ].filter((o): o is string => typeof o === "string");
  return options.length ? `More detail: group_by ${options.join(", ")}.` : undefined;
}

/** `"Summer sale" (orchestration_x)` when the name is known, else `orchestration orchestration_x`. */
function subject(r: StatsReport): string {
  return r.name === undefined ? `orchestration ${r.orchestration_id}` : `"${r.name}" (${r.orchestration_id})`;
}

export function statsText(r: StatsReport): string {
  const head = [
    `Stats of ${subject(r)}, ${day(r.range.from)} to ${day(r.range.to)} (${plural(r.range.days, "day")}).`,
    ...(r.notes ?? []).map((n) => `Note: ${n}`),
  ];
  const tail = (r.warnings ?? []).map((w) => `Warning: ${w}`);
  if (!r.has_figures) {
    return [...head, "No figures: Batch returned none for this range. The orchestration may not have sent anything in it.", ...tail].join("\n");
  }
  const body = [
    `Totals: ${metricsText(r.totals)}`,
    ...(Object.keys(r.rates).length ? [`Rates: ${ratesText(r.rates)}`] : []),
    ...(r.ab ? [abVerdict(r.ab)] : []),
    ...(r.steps ? section(`By step (${r.steps.length})`, r.steps.map((s) => figuresLine(stepLabel(s), s))) : []),
    ...GROUP_LINES[r.group_by](r),
  ];
  const hint = moreHint(r);
  return [...head, ...body, ...(hint ? ["", hint] : []), ...tail].join("\n");
}
