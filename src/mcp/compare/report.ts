// What compare_orchestrations returns as structured data: the ranked rows, what was set
// aside and why, the portfolio and its outliers. The judgement itself is in src/insights.

import type { StatsRange } from "../../batch/stats-range.js";
import type { Metrics } from "../../batch/stats.js";
import { percent } from "../../insights/percent.js";
import { OUTLIER_RULE, outliers, portfolio } from "../../insights/portfolio.js";
import { rank, type RankBy } from "../../insights/ranking.js";
import { figures, type RateFigure } from "../../insights/stats-report.js";
import { describeBatchError } from "../error-messages.js";
import { count } from "../format/text.js";
import { orchestrationUri } from "../../workspace/kinds/uris.js";
import type { FetchOutcome, Fetched } from "../../workspace/compare/fetch-all-stats.js";
import type { Target } from "../../workspace/compare/select.js";

export const EXCLUDED_KINDS = ["small_sample", "unknown_id", "stats_failed", "not_fetched", "invalid_input"] as const;
export type ExcludedKind = (typeof EXCLUDED_KINDS)[number];

export interface CompareRow {
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
  };
  outliers: CompareOutlier[];
  range: { from: string; to: string; days: number; requested_from?: string };
  rank_by: RankBy;
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
  /** Where the URIs of the orchestrations' project start (default: the default project's). */
  uriBase?: string;
}

const named = (t: Target) => ({ id: t.id, ...(t.name !== undefined && { name: t.name }) });

function excludedOf({ outcome, invalid, minDelivered }: ReportArgs, small: Array<{ item: Fetched; delivered: number }>): Excluded[] {
  return [
    ...small.map(({ item, delivered }): Excluded => ({
      ...named(item),
      kind: "small_sample",
      reason: `${count(delivered)} delivered in the range, under min_delivered ${count(minDelivered)}: too few to rank on a rate.`,
    })),
    ...outcome.failed.map((f): Excluded => ({ ...named(f), kind: f.unknown ? "unknown_id" : "stats_failed", reason: describeBatchError(f.error) })),
    ...outcome.notFetched.map((t): Excluded => ({ ...named(t), kind: "not_fetched", reason: "Not fetched yet: the time budget ran out first. The cursor fetches it." })),
    ...invalid.map((i): Excluded => ({ id: i.input, kind: "invalid_input", reason: i.reason })),
  ];
}

export function compareReport(args: ReportArgs): CompareReport {
  const { outcome, rankBy, minDelivered, range } = args;
  const ranking = rank(outcome.fetched, rankBy, minDelivered);
  const ranked = ranking.rows.map((r) => r.item);
  const whole = portfolio(ranked);
  const medians = Object.fromEntries(Object.entries(whole.medians).map(([k, v]) => [k, { value: v, percent: percent(v) }]));
  const warnings = [...args.warnings, ...new Set(outcome.fetched.flatMap((f) => f.warnings))];
  return {
    rows: ranking.rows.map(({ item, rank: position, value }) => ({
      rank: position,
      ...named(item),
      ...(item.type !== undefined && { type: item.type }),
      ...(item.status !== undefined && { status: item.status }),
      uri: orchestrationUri(item.id, args.uriBase),
      value: value ?? null,
      ...figures(item.totals),
    })),
    excluded: excludedOf(args, ranking.small),
    portfolio: { orchestrations: whole.count, totals: whole.totals, rates: figures(whole.totals).rates, medians, min_delivered: minDelivered, outlier_rule: OUTLIER_RULE },
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
    rank_by: rankBy,
    ...(warnings.length && { warnings }),
    ...(args.cursor !== undefined && { cursor: args.cursor }),
  };
}
