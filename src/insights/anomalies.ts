// A range's anomalies in one list: days where a rate stood out (unusual-days.ts) and
// silences of sends expected to keep going (silence.ts), in date order.

import type { OrchestrationStats } from "../batch/stats.js";
import { silences } from "./silence.js";
import { dailyOf } from "./stats-aggregate.js";
import { RATES } from "./stats-math.js";
import { unusualDays, type Anomaly, type DayFigures } from "./unusual-days.js";

export type { Anomaly } from "./unusual-days.js";
export { ANOMALY_RULE } from "./unusual-days.js";
export { SILENCE_RULE } from "./silence.js";

export interface AnomalyScope {
  /** The range the stats cover (the current period when comparing). */
  range: { from: string; to: string };
  /** The orchestration's type: silence is looked for in recurring sends and trigger automations only. */
  type?: string | undefined;
  /** Today (UTC): a day still filling in (opens and clicks keep coming) is not judged. */
  today: string;
}

export interface AnomalyInput extends AnomalyScope {
  stats: OrchestrationStats;
}

const METRIC_ORDER: ReadonlyArray<Anomaly["metric"]> = ["sent", ...RATES.map((r) => r.key)];

/** Unusual days and silences over a daily series already summed (a report's breakdown has one). */
export function anomaliesIn(days: readonly DayFigures[], { range, type, today }: AnomalyScope): Anomaly[] {
  const complete = days.filter((d) => d.date >= range.from && d.date <= range.to && d.date < today);
  const found = [...unusualDays(complete), ...silences(complete, range, type, today)];
  return found.sort((a, b) => a.date.localeCompare(b.date) || METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric));
}

/** Unusual days and silences, by date, then sent before the rates in the rate table's order. */
export function findAnomalies({ stats, ...scope }: AnomalyInput): Anomaly[] {
  return anomaliesIn(dailyOf(stats), scope);
}
