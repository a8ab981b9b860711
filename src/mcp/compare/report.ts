// What compare_orchestrations returns as structured data: the ranked rows, what was set
// aside and why, the portfolio and its outliers. The judgement itself is in src/insights.

import type { StatsRange } from "../../batch/stats-range.js";
import type { Metrics } from "../../batch/stats.js";
import { percent } from "../../insights/percent.js";
import { CHANGE_RULE, type Change } from "../../insights/changes.js";
import type { Period } from "../../insights/periods.js";
import { OUTLIER_RULE, outliers, portfolio, type Portfolio } from "../../insights/portfolio.js";
import { rank, type RankBy, type RankOrder, type RowChange } from "../../insights/ranking.js";
import { figures, type RateFigure } from "../../insights/stats-report.js";
import { describeBatchError } from "../error-messages.js";
import { count } from "../format/text.js";
import { orchestrationUri } from "../../workspace/kinds/uris.js";
import type { FetchOutcome, Fetched } from "../../workspace/compare/fetch-all-stats.js";
import type { Target } from "../../workspace/compare/select.js";

export const EXCLUDED_KINDS = ["small_sample", "unknown_id", "stats_failed", "not_fetched", "invalid_input"] as const;
export type ExcludedKind = (typeof EXCLUDED_KINDS)[number];

export interface CompareRow extends Partial<RowChange> {
  rank: number;
  id: string;
  name?: string;
  type?: string;
  status?: string;
  uri: string;
  /** The rank_by value (a fraction for rates); null when n/a. */
  value: number | null;
  totals: Metrics;
  rates: Record<string, RateFigure>;
}

export interface Excluded {
  id: string;
  name?: string;
  kind: ExcludedKind;
  reason: string;
}

export interface CompareOutlier {
  id: string;
  name?: string;
  rate: string;
  value: number;
  percent: string;
  median: number;
  median_percent: string;
  direction: "above" | "below";
  better: boolean;
  z: number;
}

export interface CompareReport {
  rows: CompareRow[];
  excluded: Excluded[];
  portfolio: {
    orchestrations: number;
    totals: Metrics;
    rates: Record<string, RateFigure>;
    medians: Record<string, { value: number; percent: string }>;
    min_delivered: number;
    outlier_rule: string;
    /** The same orchestrations over the previous period, pooled, and every change, when comparing. */
    previous?: { totals: Metrics; rates: Record<string, RateFigure>; changes: Record<string, Change>; rule: string };
  };
  outliers: CompareOutlier[];
  range: { from: string; to: string; days: number; requested_from?: string };
  /** The period compared with, when comparing and Batch keeps some of it. */
  previous_range?: Period;
  rank_by: RankBy;
  order: RankOrder;
  /** Sentences about the previous period (shortened by Batch's limit, or missing). */
  notes?: string[];
  warnings?: string[];
  cursor?: string;
}

export interface ReportArgs {
  outcome: FetchOutcome;
  invalid: Array<{ input: string; reason: string }>;
  rankBy: RankBy;
  minDelivered: number;
  range: StatsRange;
  warnings: string[];
  cursor: string | undefined;
  /** Default "value". */
  order?: RankOrder;
  /** The previous period, when comparing: the rows carry its figures as `previous`. */
  previous?: Period;
  notes?: readonly string[];
  /** Where the URIs of the orchestrations' project start (default: the default project's). */
  uriBase?: string;
}

const named = (t: Target) => ({ id: t.id, ...(t.name !== undefined && { name: t.name }) });

function smallReason(delivered: number, previousDelivered: number | undefined, minDelivered: number): string {
  if (previousDelivered === undefined) return `${count(delivered)} delivered in the range, under min_delivered ${count(minDelivered)}: too few to rank on a rate.`;
  return `${count(delivered)} delivered in the range and ${count(previousDelivered)} in the previous period; each needs min_delivered ${count(minDelivered)} to rank on a rate.`;
}

function excludedOf({ outcome, invalid, minDelivered }: ReportArgs, small: Array<{ item: Fetched; delivered: number; previousDelivered?: number }>): Excluded[] {
  return [
    ...small.map(({ item, delivered, previousDelivered }): Excluded => ({
      ...named(item),
      kind: "small_sample",
      reason: smallReason(delivered, previousDelivered, minDelivered),
    })),
    ...outcome.failed.map((f): Excluded => ({ ...named(f), kind: f.unknown ? "unknown_id" : "stats_failed", reason: describeBatchError(f.error) })),
    ...outcome.notFetched.map((t): Excluded => ({ ...named(t), kind: "not_fetched", reason: "Not fetched yet: the time budget ran out first. The cursor fetches it." })),
    ...invalid.map((i): Excluded => ({ id: i.input, kind: "invalid_input", reason: i.reason })),
  ];
}

function previousPortfolio(previous: Portfolio["previous"]): CompareReport["portfolio"]["previous"] {
  return previous && { totals: previous.totals, rates: figures(previous.totals).rates, changes: previous.changes, rule: CHANGE_RULE };
}

export function compareReport(args: ReportArgs): CompareReport {
  const { outcome, rankBy, minDelivered, range, previous } = args;
  // A fall or rise needs a previous period: without one (Batch keeps none of it, and a note says so) rows go by value.
  const order = previous ? (args.order ?? "value") : "value";
  // Counts compare per day when the previous period was shortened by Batch's limit.
  const dayRatio = previous ? range.days / previous.days : 1;
  const ranking = rank(outcome.fetched, rankBy, minDelivered, { order, dayRatio });
  const ranked = ranking.rows.map((r) => r.item);
  const whole = portfolio(ranked, dayRatio);
  const pooledBefore = previousPortfolio(whole.previous);
  const medians = Object.fromEntries(Object.entries(whole.medians).map(([k, v]) => [k, { value: v, percent: percent(v) }]));
  const warnings = [...args.warnings, ...new Set(outcome.fetched.flatMap((f) => f.warnings))];
  return {
    rows: ranking.rows.map(({ item, rank: position, value, change }) => ({
      rank: position,
      ...named(item),
      ...(item.type !== undefined && { type: item.type }),
      ...(item.status !== undefined && { status: item.status }),
      uri: orchestrationUri(item.id, args.uriBase),
      value: value ?? null,
      ...change,
      ...figures(item.totals),
    })),
    excluded: excludedOf(args, ranking.small),
    portfolio: {
      orchestrations: whole.count,
      totals: whole.totals,
      rates: figures(whole.totals).rates,
      medians,
      min_delivered: minDelivered,
      outlier_rule: OUTLIER_RULE,
      ...(pooledBefore && { previous: pooledBefore }),
    },
    outliers: outliers(ranked, minDelivered).map((o) => ({
      ...named(o.item),
      rate: o.rate,
      value: o.value,
      percent: percent(o.value),
      median: o.median,
      median_percent: percent(o.median),
      direction: o.direction,
      better: o.better,
      z: Number(o.z.toFixed(2)),
    })),
    range: { from: range.from, to: range.to, days: range.days, ...(range.requestedFrom !== undefined && { requested_from: range.requestedFrom }) },
    ...(previous && { previous_range: { from: previous.from, to: previous.to, days: previous.days } }),
    rank_by: rankBy,
    order,
    ...(args.notes?.length && { notes: [...args.notes] }),
    ...(warnings.length && { warnings }),
    ...(args.cursor !== undefined && { cursor: args.cursor }),
  };
}
