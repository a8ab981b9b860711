// Planted figures over two 30-day periods, for the tests of period-over-period changes: the
// 30 days before the default range, then the range itself (today included).

import { plantedStats, type PlantedTotals } from "../fake-batch/factories.js";

type Json = Record<string, unknown>;
const DAY_MS = 86_400_000;

export const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

/** Totals of `sent` with these rates (of delivered for opens and clicks, of sent for bounces). */
export function figures(sent: number, { open = 0.2, click = 0.02, bounce = 0.01 } = {}): PlantedTotals {
  const total_bounce = Math.round(sent * bounce);
  const delivered = sent - total_bounce;
  return { sent, delivered, total_bounce, unique_open: Math.round(delivered * open), unique_click: Math.round(delivered * click), unsubscribe: 0 };
}

/** One stats body: `before` spread over the 30 days before the default range, `after` over the range. */
export function twoPeriods(id: string, before: PlantedTotals, after: PlantedTotals): Json {
  const details = (totals: PlantedTotals, start: string) => plantedStats(id, totals, { days: 30, start }).details as Json[];
  return { id, details: [...details(before, daysAgo(59)), ...details(after, daysAgo(29))] };
}
