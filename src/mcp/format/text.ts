// Small text helpers shared by every formatter: counts, compact dates, joined fields.

import { batchTime } from "../../batch/dates.js";
import { quote, word } from "../../text/quote.js";

export type Counts = Record<string, number>;

export function countBy<T>(items: readonly T[], keys: (item: T) => string | readonly string[]): Counts {
  const counts: Counts = {};
  for (const item of items) {
    const k = keys(item);
    for (const key of typeof k === "string" ? [k] : k) counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** "running 8, completed 4", largest first; "none" when empty. Keys are Batch's values (statuses, channels): shown through `word`. */
export function formatCounts(counts: Counts): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([k, n]) => `${word(k)} ${n}`).join(", ") : "none";
}

/** A "date" that is not one is shown cut to this. */
const DATE_CHARS = 40;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "2025-06-30T17:31:00Z" -> "30 Jun 2025 17:31" (UTC; zone-less v1.1 values are UTC too);
 * midnight collapses to the date, and a date in `thisYear` drops its year ("30 Jun 17:31"),
 * which the listing's header states once. Unambiguous to a reader and half the tokens of ISO
 * text. Anything that is not a date is shown as Batch sent it, through `word` (quoted unless
 * it is one plain word).
 */
export function compactDateTime(value: string | undefined, thisYear?: number): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return word(value, DATE_CHARS);
  const time = batchTime(value);
  if (Number.isNaN(time)) return word(value, DATE_CHARS);
  const d = new Date(time);
  const year = d.getUTCFullYear() === thisYear ? "" : ` ${d.getUTCFullYear()}`;
  const date = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year}`;
  const hm = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  return hm === "00:00" ? date : `${date} ${hm}`;
}

export function compactDate(value: string | undefined, thisYear?: number): string | undefined {
  return compactDateTime(value, thisYear)?.replace(/ \d{2}:\d{2}$/, "");
}

/** Joins the present parts with " · ", dropping empty ones. */
export function fields(...parts: Array<string | false | undefined>): string {
  return parts.filter((p): p is string => typeof p === "string" && p.length > 0).join(" · ");
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

// Rates are rounded in one place, beside the rates (src/insights/percent.ts).
export { percent } from "../../insights/percent.js";

// One formatter for the process: toLocaleString builds a new one on every call, which
// dominated the cost of a long daily series. Built on first use: creating it loads ICU
// data, about 15 ms that start-up would otherwise pay before `initialize`.
let countFormat: Intl.NumberFormat | undefined;

/** 12345 -> "12,345"; non-integers keep up to two decimals. */
export function count(value: number): string {
  countFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  return countFormat.format(value);
}

/** Text cut to `max` characters, an ellipsis marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Quoted values joined by `,`, within about `max` characters: each cut to `each`, and the
 * ones past the room counted (`"A","B" +3 more`).
 */
export function quotedList(values: readonly string[], each: number, max: number): string {
  const shown: string[] = [];
  let used = 0;
  for (const value of values) {
    const q = quote(value, each);
    if (shown.length > 0 && used + q.length + 1 > max) break;
    shown.push(q);
    used += q.length + 1;
  }
  const rest = values.length - shown.length;
  return `${shown.join(",")}${rest > 0 ? ` +${rest} more` : ""}`;
}

/** Text within `max` characters, cut at a line and saying so: the last guard of a response budget. */
export function clipLines(text: string, max: number, note = "… (cut here to fit the response budget)"): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - note.length - 1);
  const cut = text.lastIndexOf("\n", room);
  return `${text.slice(0, cut > 0 ? cut : room)}\n${note}`;
}
