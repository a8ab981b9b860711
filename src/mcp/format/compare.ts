// The text of a comparison: a compact ranked table (with each row's previous figure and
// move when comparing with the previous period), the portfolio line (and the same
// orchestrations pooled over the previous period), outliers in words, what was set aside
// (counted by reason) and how to continue. Rows past the response
// budget are cut from the bottom and counted; structuredContent keeps them all.

import { CHANGE_MIN_BASE, isRateChange, type Change } from "../../insights/changes.js";
import { percent } from "../../insights/percent.js";
import { RATES } from "../../insights/stats-math.js";
import { isRate, type RankBy, type RankOrder } from "../../insights/ranking.js";
import type { CompareReport, CompareRow, Excluded, ExcludedKind } from "../compare/report.js";
import { inline, quote, quoteCell, word, wordCell } from "../../text/quote.js";
import { points, relative } from "./changes.js";
import { rangeNotes } from "./stats.js";
import { compactDate, count, plural } from "./text.js";

const LABELS: Record<string, string> = { ...Object.fromEntries(RATES.map((r) => [r.key, r.label])), sent: "sent", delivered: "delivered" };
const label = (key: string) => LABELS[key] ?? key;

/** The ranked metric and the two rates shown beside it. */
const BESIDE: Record<RankBy, [string, string]> = {
  open_rate: ["click_rate", "unsubscribe_rate"],
  click_rate: ["open_rate", "click_to_open_rate"],
  click_to_open_rate: ["open_rate", "click_rate"],
  delivery_rate: ["bounce_rate", "open_rate"],
  bounce_rate: ["delivery_rate", "unsubscribe_rate"],
  unsubscribe_rate: ["open_rate", "bounce_rate"],
  sent: ["open_rate", "click_rate"],
  delivered: ["open_rate", "click_rate"],
};

/** What "highest first" means for this metric. */
const ORDER_NOTE: Partial<Record<RankBy, string>> = {
  bounce_rate: "highest first, so the worst bounce leads",
  unsubscribe_rate: "highest first, so the most unsubscribes lead",
};

/** How text names an orchestration: its handle, given by the caller (full ids are in structuredContent). */
export type HandleOf = (id: string) => string;

const EXCLUDED_WORDS: Record<ExcludedKind, string> = {
  small_sample: "fewer delivered than min_delivered",
  unknown_id: "unknown to Batch",
  stats_failed: "stats could not be read",
  not_fetched: "not fetched yet (time budget reached)",
  invalid_input: "naming no orchestration (an unknown or ambiguous handle, or not an id)",
};

/** Names shown per reason before counting the rest. */
const NAMES_PER_REASON = 5;

/** Names in the table, the outliers and the set-aside list are cut to this, quotes included. */
const NAME_CELL_CHARS = 48;

function columns(rankBy: RankBy): string[] {
  const ranked = rankBy === "sent" || rankBy === "delivered" ? [] : [rankBy];
  return [...ranked, ...BESIDE[rankBy]];
}

/** The ranked metric in the previous period, and its move: `20.0% | -10.0 pts (significant)`, `1,200 | +20.0%`. */
function changeCells(row: CompareRow, rankBy: RankBy): string[] {
  if (!isRate(rankBy)) return [row.previous_value === undefined || row.previous_value === null ? "n/a" : count(row.previous_value), relative(row.relative_change)];
  return [percent(row.previous_value), `${points(row.change_points)}${row.significant ? " (significant)" : ""}`];
}

/** The table's columns: the ranked rate (counts are already there), its previous value and move when comparing, the rates beside it. */
function headers(r: CompareReport, shown: readonly string[]): string[] {
  const before = r.previous_range ? [`${label(r.rank_by)} before`, "change"] : [];
  const ranked = isRate(r.rank_by) ? 1 : 0;
  return [...shown.slice(0, ranked).map(label), ...before, ...shown.slice(ranked).map(label)];
}

function rowLine(row: CompareRow, r: CompareReport, shown: readonly string[], handle: HandleOf): string {
  const rates = shown.map((k) => row.rates[k]?.percent ?? "n/a");
  const ranked = isRate(r.rank_by) ? 1 : 0;
  const cells = [...rates.slice(0, ranked), ...(r.previous_range ? changeCells(row, r.rank_by) : []), ...rates.slice(ranked)];
  const name = row.name === undefined ? "(name unknown)" : quoteCell(row.name, NAME_CELL_CHARS);
  // The handle through wordCell: one cell, whatever the id it shortens holds.
  return `| ${row.rank} | ${name} | ${wordCell(handle(row.id))} | ${count(row.totals.sent ?? 0)} | ${count(row.totals.delivered ?? 0)} | ${cells.join(" | ")} |`;
}

function portfolioLine(r: CompareReport, shown: readonly string[]): string {
  const p = r.portfolio;
  const rates = shown.map((k) => `${label(k)} ${p.rates[k]?.percent ?? "n/a"} (median ${p.medians[k]?.percent ?? "n/a"})`);
  return `Portfolio of the ${plural(p.orchestrations, "ranked orchestration")}: sent ${count(p.totals.sent ?? 0)} · delivered ${count(p.totals.delivered ?? 0)} · ${rates.join(" · ")}; rates pooled over the sums.`;
}

/** A figure of the pooled previous period with its move: `sent 40,000 (+20.0%)`, `open 20.0% (-1.2 pts, significant)`. */
function pooledChange(key: string, c: Change | undefined, perDay: boolean): string {
  if (c === undefined) return `${label(key)} n/a`;
  if (!isRateChange(c)) return `${label(key)} ${count(c.previous)} (${relative(c.relative_change)}${perDay && c.relative_change !== null ? " per day" : ""})`;
  return `${label(key)} ${percent(c.previous)} (${points(c.change_points)}${c.change_points === null ? "" : c.significant ? ", significant" : ", not significant"})`;
}

/** The same orchestrations pooled over the previous period, each figure with its move since. */
function previousPortfolioLine(r: CompareReport, shown: readonly string[]): string[] {
  const before = r.portfolio.previous;
  const span = r.previous_range;
  if (!before || !span) return [];
  const perDay = span.days !== r.range.days;
  const figures = ["sent", "delivered", ...shown].map((k) => pooledChange(k, before.changes[k], perDay));
  return [`The same ${plural(r.portfolio.orchestrations, "orchestration")} over the previous ${plural(span.days, "day")}: ${figures.join(" · ")}.`];
}

/** How the rows are ordered, in words. */
function orderWords(r: CompareReport): string {
  const span = r.previous_range ? `the previous ${plural(r.previous_range.days, "day")}` : "the previous period";
  const moves: Record<RankOrder, string> = {
    value: ORDER_NOTE[r.rank_by] ?? "highest first",
    drop: `the largest fall since ${span} first`,
    rise: `the largest rise since ${span} first`,
  };
  return moves[r.order];
}

/** What the comparison is against, and what "significant" means there. */
function againstWords(r: CompareReport): string {
  const span = r.previous_range;
  if (!span) return "";
  const perDay = span.days !== r.range.days ? "; counts per day, the periods differing in length" : "";
  return ` Against the previous ${plural(span.days, "day")} (${compactDate(span.from)} to ${compactDate(span.to)}; min_delivered in both periods; significant: a two-proportion z-test at 95% with at least ${count(CHANGE_MIN_BASE)} in each period's denominator${perDay}).`;
}

/** Outlier lines shown before counting the rest (each is in structuredContent.outliers). */
const OUTLIERS_SHOWN = 10;

function outlierLines(r: CompareReport, handle: HandleOf): string[] {
  if (r.outliers.length === 0) return [];
  const lines = r.outliers
    .slice(0, OUTLIERS_SHOWN)
    .map((o) => `- ${o.name === undefined ? handle(o.id) : `${quote(o.name, NAME_CELL_CHARS)} (${handle(o.id)})`} ${label(o.rate)} ${o.percent}, ${o.direction} the median ${o.median_percent} (${o.better ? "better" : "worse"}, |z| ${Math.abs(o.z).toFixed(1)})`);
  const more = r.outliers.length - OUTLIERS_SHOWN;
  return [`Outliers (${r.portfolio.outlier_rule})`, ...lines, ...(more > 0 ? [`- … and ${more} more in structuredContent.outliers`] : [])];
}

function excludedLines(excluded: readonly Excluded[], handle: HandleOf): string[] {
  if (excluded.length === 0) return [];
  const groups = new Map<ExcludedKind, Excluded[]>();
  for (const e of excluded) groups.set(e.kind, [...(groups.get(e.kind) ?? []), e]);
  const parts = [...groups].map(([kind, items]) => {
    // Inputs that name nothing have no id to shorten: they are shown as given, quoted.
    const names = items.slice(0, NAMES_PER_REASON).map((e) => (e.name !== undefined ? quote(e.name, NAME_CELL_CHARS) : kind === "invalid_input" ? quote(e.id, NAME_CELL_CHARS) : handle(e.id)));
    const more = items.length > NAMES_PER_REASON ? `, ${items.length - NAMES_PER_REASON} more` : "";
    return `${items.length} ${EXCLUDED_WORDS[kind]} (${names.join(", ")}${more})`;
  });
  return [`Not ranked: ${excluded.length}: ${parts.join("; ")}. Reasons in structuredContent.excluded.`];
}

export interface CompareTextOptions {
  /** Rows to show in the table; the rest are counted. */
  maxRows?: number;
  /** Why the call stopped early, and what the cursor does. */
  continuation?: string;
  /** The orchestrations' handles; the full ids by default. */
  handle?: HandleOf;
}

export function compareText(r: CompareReport, options: CompareTextOptions = {}): string {
  const shown = columns(r.rank_by);
  // A handle is a prefix of an id, which may be whatever the caller typed: `word` keeps it on its line.
  const given = options.handle ?? ((id: string) => id);
  const handle = (id: string) => word(given(id));
  const rows = r.rows.slice(0, options.maxRows ?? r.rows.length);
  const head = r.rows.length
    ? `Compared ${plural(r.rows.length, "orchestration")} by ${label(r.rank_by)}${r.rank_by.endsWith("_rate") ? " rate" : ""}, ${orderWords(r)}; ${compactDate(r.range.from)} to ${compactDate(r.range.to)} (${r.range.days} days).${againstWords(r)}`
    : `No orchestration could be ranked for ${compactDate(r.range.from)} to ${compactDate(r.range.to)} (${r.range.days} days).`;
  const titles = headers(r, shown);
  const table = rows.length
    ? [`| # | name | handle | sent | delivered | ${titles.join(" | ")} |`, `|---|---|---|---|---|${titles.map(() => "---").join("|")}|`, ...rows.map((row) => rowLine(row, r, shown, given))]
    : [];
  const cut = r.rows.length - rows.length;
  return [
    head,
    ...rangeNotes({ ...r.range, ...(r.range.requested_from !== undefined && { requestedFrom: r.range.requested_from }) }).map((n) => `Note: ${n}`),
    ...(r.notes ?? []).map((n) => `Note: ${inline(n)}`),
    ...table,
    ...(cut > 0 ? [`… ${cut} more rows (ranks ${rows.length + 1} to ${r.rows.length}) in structuredContent.rows.`] : []),
    ...(r.rows.length ? [portfolioLine(r, shown), ...previousPortfolioLine(r, shown)] : []),
    ...outlierLines(r, handle),
    ...excludedLines(r.excluded, handle),
    ...(options.continuation ? [options.continuation] : []),
    ...(r.warnings ?? []).map((w) => `Warning: ${inline(w)}`),
  ].join("\n");
}
