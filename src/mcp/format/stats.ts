// The text of a stats report: a short readable summary for the model, never a raw dump.
// Range, totals, rates grouped by what they are over, per-step lines, the A/B verdict,
// and the lines of the grouping asked for.

import type { StatsRange } from "../../batch/stats-range.js";
import { STATS_HISTORY_MONTHS } from "../../batch/stats-range.js";
import { RATES } from "../../insights/stats-math.js";
import type { AbRate, AbReport, Figures, GroupBy, StatsReport } from "../../insights/stats-report.js";
import { inline, NAME_CHARS, quote, word } from "../../text/quote.js";
import { anomalyLines, comparisonLines } from "./changes.js";
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
  return RATE_LABELS[key] ?? word(key);
}

/** Batch names its figures (and any extra numeric field it sends): shown through `word`. */
function metricsText(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([k, v]) => `${word(k)} ${count(v)}`)
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

/** A/B versions are labelled by Batch ("a", "b"): shown through `word`. */
const VERSION_CHARS = 40;
const version = (label: string | undefined) => word(label ?? "?", VERSION_CHARS);

function leadText(ab: AbReport, r: AbRate): string {
  // |z|: for bounce, unsubscribe and spam the leader is lower, so z itself is negative.
  const z = r.z === undefined ? "" : `, |z| = ${Math.abs(r.z).toFixed(2)}`;
  return `${version(r.leader)} leads on ${rateLabel(r.rate)} (${percentOf(ab, r.leader, r.rate)} vs ${percentOf(ab, r.behind, r.rate)}${z})`;
}

/** One sentence: who leads on what, or why there is no verdict. */
export function abVerdict(ab: AbReport): string {
  const names = ab.versions.map((v) => version(v.version)).join(", ");
  if (!ab.enough_sends) {
    const reached = ab.versions.map((v) => `${version(v.version)} ${count(v.delivered)}`).join(", ");
    return `A/B (${names}): no verdict, too few sends: delivered ${reached}; each version needs at least ${count(ab.min_delivered)} before a two-proportion z-test can say anything.`;
  }
  const leads = ab.by_rate.filter((r) => r.leader !== undefined).map((r) => leadText(ab, r));
  const even = ab.by_rate.filter((r) => r.leader === undefined).map((r) => rateLabel(r.rate));
  const verdict = [...leads, ...(even.length ? [`no significant difference on ${leads.length ? even.join(", ") : "any rate"}`] : [])];
  return `A/B (${names}): ${verdict.join("; ")} (two-proportion z-test, 95%).`;
}

type Fit = (lines: string[], what: string) => string[];

// The lines each grouping adds under the summary, fitted to the room left.
const GROUP_SECTIONS: Record<GroupBy, (r: StatsReport, fit: Fit) => string[]> = {
  total: () => [],
  day: (r, fit) => section(`By day (${plural(r.days?.length ?? 0, "day")} with figures)`, fit((r.days ?? []).map((d) => figuresLine(day(d.date), d)), "day")),
  version: (r, fit) => section("A/B versions", fit((r.ab?.versions ?? []).map((v) => figuresLine(version(v.version), v)), "version")),
  platform: (r, fit) => section("By platform", fit((r.platforms ?? []).map((p) => figuresLine(word(p.platform, VERSION_CHARS), p)), "platform")),
};

function section(title: string, lines: string[]): string[] {
  return lines.length ? ["", `${title}:`, ...lines] : [];
}

/** `#1 "Welcome push"`: the step's id as Batch gives it, its name quoted. */
function stepLabel(s: { step_id?: string; step_name?: string }): string {
  const id = s.step_id === undefined ? undefined : word(s.step_id, VERSION_CHARS);
  const name = s.step_name === undefined ? undefined : quote(s.step_name, NAME_CHARS);
  return [id, name].filter(Boolean).join(" ") || "(unnamed step)";
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

/** `"Summer sale" (i4geuqvb)` when the name is known, else `orchestration i4geuqvb`. */
function subject(r: StatsReport, handle: string): string {
  const h = word(handle);
  return r.name === undefined ? `orchestration ${h}` : `${quote(r.name, NAME_CHARS)} (${h})`;
}

export interface StatsTextOptions {
  /** How the text names the orchestration (its handle); the full id by default. */
  handle?: string;
  /** The response budget: long series are cut to fit, the rest being in structured content. */
  maxChars?: number;
}

/** Keeps the lines of a section that fit in `room` characters, and says how many more there are. */
function fitted(lines: string[], room: number, what: string): string[] {
  let used = 0;
  const kept: string[] = [];
  for (const line of lines) {
    if (used + line.length + 1 > room) break;
    kept.push(line);
    used += line.length + 1;
  }
  const rest = lines.length - kept.length;
  return rest ? [...kept, `- … and ${plural(rest, what)} more, in the structured content (narrow from/to to read them here)`] : kept;
}

export function statsText(r: StatsReport, options: StatsTextOptions = {}): string {
  const full = statsLines(r, options.handle ?? r.orchestration_id, Infinity);
  const max = options.maxChars ?? Infinity;
  if (full.join("\n").length <= max) return full.join("\n");
  // Too long: the fixed parts stay, the breakdown sections share what room is left.
  const fixed = statsLines(r, options.handle ?? r.orchestration_id, 0).join("\n").length;
  return statsLines(r, options.handle ?? r.orchestration_id, Math.max(0, max - fixed - 200)).join("\n");
}

function statsLines(r: StatsReport, handle: string, room: number): string[] {
  const head = [
    `Stats of ${subject(r, handle)}, ${day(r.range.from)} to ${day(r.range.to)} (${plural(r.range.days, "day")}).`,
    ...(r.notes ?? []).map((n) => `Note: ${inline(n)}`),
  ];
  const tail = (r.warnings ?? []).map((w) => `Warning: ${inline(w)}`);
  if (!r.has_figures) {
    return [...head, "No figures: Batch returned none for this range. The orchestration may not have sent anything in it.", ...tail];
  }
  // With room unlimited every line shows; with room 0 none of the long sections do.
  const fit = (lines: string[], what: string) => (room === Infinity ? lines : fitted(lines, room / 2, what));
  const body = [
    `Totals: ${metricsText(r.totals)}`,
    ...(Object.keys(r.rates).length ? [`Rates: ${ratesText(r.rates)}`] : []),
    ...(r.ab ? [abVerdict(r.ab)] : []),
    ...(r.comparison ? ["", ...comparisonLines(r, r.comparison)] : []),
    ...(r.anomalies?.length ? section(`Unusual days (${r.anomalies.length})`, fit(anomalyLines(r.anomalies), "unusual day")) : []),
    ...(r.steps ? section(`By step (${r.steps.length})`, fit(r.steps.map((s) => figuresLine(stepLabel(s), s)), "step")) : []),
    ...GROUP_SECTIONS[r.group_by](r, fit),
  ];
  const hint = moreHint(r);
  return [...head, ...body, ...(hint ? ["", hint] : []), ...tail];
}
