// Period over period and unusual days in words: how each figure moved since the previous
// period (significant moves first), and each unusual day with its figure and the usual one.
// The judgement is src/insights' (changes.ts, anomalies.ts); this only words it.

import { CHANGE_MIN_BASE, isRateChange, orderedChanges, type Change, type PeriodComparison, type RateChange } from "../../insights/changes.js";
import type { Anomaly } from "../../insights/anomalies.js";
import { percent } from "../../insights/percent.js";
import { RATES, Z_95 } from "../../insights/stats-math.js";
import type { Figures } from "../../insights/stats-report.js";
import { word } from "../../text/quote.js";
import { compactDate, count, plural } from "./text.js";

const LABELS: Record<string, string> = Object.fromEntries(RATES.map((r) => [r.key, r.label]));
/** Our own keys (rates, sent, delivered), through `word` all the same. */
const label = (key: string) => LABELS[key] ?? word(key);
const day = (value: string) => compactDate(value) ?? value;

/** A number with its sign, never "-0.0": `+2.5`, `-10.0`, `0.0`. */
function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? "+" : "-"}${text}`;
}

/** A move in percentage points: `-10.0 pts`; "n/a" when either period has no rate. */
export function points(change: number | null | undefined): string {
  return change === null || change === undefined ? "n/a" : `${signed(change)} pts`;
}

/** A relative move: `+20.0%`; "n/a" when there was nothing before. */
export function relative(change: number | null | undefined): string {
  return change === null || change === undefined ? "n/a" : `${signed(change * 100)}%`;
}

/** What a rate is over ("delivered" for open), from its definition. */
function denominator(key: string, figures: readonly Figures[]): string {
  const definition = figures.map((f) => f.rates[key]?.definition).find((d) => d !== undefined);
  return definition?.split(" / ")[1] ?? "in its denominator";
}

/** "significant", or why not: a move the z-test would call real on too little volume says so. */
function verdict(key: string, c: RateChange, figures: readonly Figures[]): string {
  if (c.significant) return "significant";
  if (c.z !== undefined && Math.abs(c.z) >= Z_95) return `not judged: under ${count(CHANGE_MIN_BASE)} ${denominator(key, figures)} in a period`;
  return "not significant";
}

function changeLine(key: string, c: Change, before: string, perDay: boolean, figures: readonly Figures[]): string {
  if (isRateChange(c)) {
    const moved = c.change_points === null ? "n/a" : `${points(c.change_points)}, ${verdict(key, c, figures)}`;
    return `- ${label(key)} ${percent(c.current)} vs ${percent(c.previous)} ${before} (${moved})`;
  }
  const moved = c.relative_change === null ? "n/a" : `${relative(c.relative_change)}${perDay ? " per day" : ""}`;
  return `- ${label(key)} ${count(c.current)} vs ${count(c.previous)} ${before} (${moved})`;
}

/**
 * The comparison's lines: a heading naming the previous period and what "significant"
 * means, then one line per figure, the significant rate moves first (largest |z| first).
 */
export function comparisonLines(current: Figures & { range: { days: number } }, comparison: PeriodComparison): string[] {
  const p = comparison.previous;
  const before = `the previous ${plural(p.days, "day")}`;
  const span = `${day(p.from)} to ${day(p.to)}`;
  if (Object.keys(p.totals).length === 0) return [`Previous period: ${before} (${span}) have no figures: Batch returned none, so there is nothing to compare with.`];
  const perDay = p.days !== current.range.days;
  const heading =
    `Against ${before} (${span}; significant: a two-proportion z-test at 95% with at least ${count(CHANGE_MIN_BASE)} in each period's denominator` +
    `${perDay ? "; counts compared per day, the periods differing in length" : ""}):`;
  const figures = [current, p];
  return [heading, ...orderedChanges(comparison.changes).map(([key, c]) => changeLine(key, c, before, perDay, figures))];
}

function anomalyLine(a: Anomaly): string {
  if (a.metric === "sent") {
    const span = a.until !== undefined && a.until !== a.date ? `${day(a.date)} to ${day(a.until)}` : day(a.date);
    return `- ${span}: nothing sent for ${plural(a.score, "day")} (usually ${count(Math.round(a.usual))} a sending day)`;
  }
  return `- ${day(a.date)}: ${label(a.metric)} ${percent(a.value)}, usually ${percent(a.usual)} (score ${a.score.toFixed(1)})`;
}

/** One line per unusual day or silence, in date order. */
export function anomalyLines(anomalies: readonly Anomaly[]): string[] {
  return anomalies.map(anomalyLine);
}
