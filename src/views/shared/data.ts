// The tool results' structuredContent as the views read it: the tools' output schemas,
// restated here because a view is a separate program that only ever sees that JSON.
// Guards check the little a view relies on, so a foreign result shows a message, not a crash.

export interface Rate {
  value: number | null;
  percent: string;
  definition: string;
}

export interface Figures {
  totals: Record<string, number>;
  rates: Record<string, Rate>;
}

export interface AbRate {
  rate: string;
  ahead?: string;
  behind?: string;
  z?: number;
  significant: boolean;
  leader?: string;
}

export interface AbReport {
  enough_sends: boolean;
  min_delivered: number;
  versions: Array<{ version: string; delivered: number } & Figures>;
  by_rate: AbRate[];
}

/** A rate's move since the previous period (src/insights/changes.ts). */
export interface RateChange {
  /** Fractions, as rates[key].value; null when n/a. */
  current: number | null;
  previous: number | null;
  /** Percentage points. */
  change_points: number | null;
  relative_change: number | null;
  z?: number;
  significant: boolean;
  /** Whether the move is the good way for this rate. */
  better?: boolean;
}

/** A volume's move since the previous period: relative only. */
export interface CountChange {
  current: number;
  previous: number;
  relative_change: number | null;
}

export type Change = RateChange | CountChange;

export interface Comparison {
  previous: { from: string; to: string; days: number } & Figures;
  changes: Record<string, Change>;
  rule?: string;
}

/** An unusual day, or a silence ("sent", from `date` to `until`; `score` is then its length in days). */
export interface Anomaly {
  date: string;
  metric: string;
  value: number;
  usual: number;
  score: number;
  until?: string;
}

export interface StatsData extends Figures {
  orchestration_id: string;
  /** Short id, when the server provides one; otherwise the view derives it. */
  handle?: string;
  name?: string;
  range: { from: string; to: string; days: number };
  group_by: string;
  has_figures: boolean;
  ab?: AbReport;
  steps?: Array<{ step_id?: string; step_name?: string } & Figures>;
  days?: Array<{ date: string } & Figures>;
  comparison?: Comparison;
  anomalies?: Anomaly[];
  notes?: string[];
  warnings?: string[];
}

export interface Recurrence {
  unit?: string;
  frequency?: number;
  end_time?: string;
}

export interface OrchestrationItem {
  id: string;
  /** Its resource URI: batch://projects/{project}/… outside the default project. */
  uri?: string;
  /** Short id, when the server provides one; otherwise the view derives it. */
  handle?: string;
  name: string;
  type: string;
  status: string;
  channels: string[];
  created_date?: string;
  start_time?: string;
  end_time?: string;
  recurrence?: Recurrence;
}

export interface ListingData {
  orchestrations: OrchestrationItem[];
  has_more: boolean;
  returned: number;
}

/** A row of compare_orchestrations' structuredContent, as far as the view reads it. */
export interface CompareRow {
  rank?: number;
  id: string;
  name?: string;
  /** The rank_by value: a fraction for rates, a count for sent/delivered; null when n/a. */
  value?: number | null;
  rates?: Record<string, { percent?: string }>;
  totals?: Record<string, number>;
}

export interface ComparisonData {
  rows: CompareRow[];
  rank_by: string;
  range?: { from: string; to: string };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function isStats(v: unknown): v is StatsData {
  return isObject(v) && typeof v.orchestration_id === "string" && isObject(v.rates) && isObject(v.totals) && isObject(v.range);
}

export function isListing(v: unknown): v is ListingData {
  return isObject(v) && Array.isArray(v.orchestrations);
}

export function isComparison(v: unknown): v is ComparisonData {
  return isObject(v) && typeof v.rank_by === "string" && Array.isArray(v.rows) && v.rows.every((r) => isObject(r) && typeof r.id === "string");
}

export function isRateChange(change: Change): change is RateChange {
  return "change_points" in change;
}

/** The comparison when it has the shape the view reads; otherwise none (a foreign result draws without it). */
export function comparisonOf(s: StatsData): Comparison | undefined {
  const c: unknown = s.comparison;
  return isObject(c) && isObject(c.changes) && isObject(c.previous) && typeof c.previous.from === "string" ? (c as unknown as Comparison) : undefined;
}

/** The anomalies that have the shape the view reads. */
export function anomaliesOf(s: StatsData): Anomaly[] | undefined {
  const list: unknown = s.anomalies;
  if (!Array.isArray(list)) return undefined;
  return list.filter((a): a is Anomaly => isObject(a) && typeof a.date === "string" && typeof a.metric === "string" && typeof a.value === "number" && typeof a.usual === "number");
}
