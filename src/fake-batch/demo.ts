// The data set served in the product's demo mode: the fictional "Fernwood Market"
// workspace (demo-orchestrations.ts, demo-inapp.ts), and stats over the 30 days ending
// today (the tools' default range) and the 30 before (for compare_to and the audit's
// change rules), each orchestration's beginning on the day it started, with a few planted
// performance problems for the performance audit and compare_orchestrations to find.

import { demoPushContents } from "./demo-copy.js";
import { DEMO_KEYS } from "./demo-keys.js";
import { demoInappCampaigns } from "./demo-inapp.js";
import { moreDemoOptions } from "./demo-more.js";
import { demoOrchestrations } from "./demo-orchestrations.js";
import { DAY_MS } from "./sample-hash.js";
import { makeStats, plantedStats, type PlantedTotals } from "./sample-stats.js";
import type { FakeBatchOptions, Json } from "./types.js";

export { DEMO_KEYS };

/** sent, delivered = sent - bounces, and the rest as rates of delivered. */
function totals(sent: number, { open = 0.21, click = 0.03, bounce = 0.015, unsub = 0.003 } = {}): PlantedTotals {
  const total_bounce = Math.round(sent * bounce);
  const delivered = sent - total_bounce;
  const unique_open = Math.round(delivered * open);
  return { sent, delivered, total_bounce, unique_open, total_open: Math.round(unique_open * 1.3), unique_click: Math.round(delivered * click), unsubscribe: Math.round(delivered * unsub), spam: Math.round(delivered * 0.002) };
}

/** The days an orchestration's figures cover: `days` daily entries from `start` (yyyy-MM-dd). */
interface Span {
  start: string;
  days: number;
}

/** The performance cases the audit and compare_orchestrations should find, by orchestration name: totals over the whole span. */
const PLANTED_PERFORMANCE: Record<string, (id: string, span: Span) => Record<string, unknown>> = {
  "Monthly loyalty points statement": (id, span) => plantedStats(id, totals(48_200, { bounce: 0.098 }), span),
  "Weekend meal kit ideas": (id, span) => plantedStats(id, totals(22_400, { unsub: 0.024 }), span),
  "Birthday voucher": (id, span) => plantedStats(id, { sent: 0, delivered: 0 }, span),
  "Sunday recipe ideas": (id, span) => plantedStats(id, totals(31_000, { open: 0.032, click: 0.004 }), span),
  "New store in Riverside": (id, span) =>
    plantedStats(id, totals(18_000), { ...span, versions: { a: totals(9_000, { open: 0.17 }), b: totals(9_000, { open: 0.25 }) } }),
};

/**
 * The same planted cases over the 30 days before: steady but for a bounce rate that
 * tripled, opens and clicks that collapsed, and a trigger that used to send.
 */
const PLANTED_BEFORE: Record<string, PlantedTotals> = {
  "Monthly loyalty points statement": totals(47_000, { bounce: 0.03 }),
  "Weekend meal kit ideas": totals(21_000, { unsub: 0.021 }),
  "Birthday voucher": totals(5_400),
  "Sunday recipe ideas": totals(30_000, { open: 0.19, click: 0.026 }),
};

const STATS_DAYS = 30;
/** Figures go back this far: the default range and as many days before it. */
const HISTORY_DAYS = 2 * STATS_DAYS;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` days up to today, from the day the orchestration started if that is later: nothing is sent before it runs. */
function spanOf(item: Json, nowMs: number, days = STATS_DAYS): Span {
  const windowStart = dayOf(nowMs - (days - 1) * DAY_MS);
  const started = typeof item.start_time === "string" ? item.start_time.slice(0, 10) : windowStart;
  const start = started > windowStart ? started : windowStart;
  return { start, days: Math.round((Date.parse(dayOf(nowMs)) - Date.parse(start)) / DAY_MS) + 1 };
}

/** A planted case over the default range, preceded by its figures of the 30 days before when it ran then. */
function plantedHistory(item: Json & { id: string }, nowMs: number, planted: (id: string, span: Span) => Record<string, unknown>): Json {
  const current = planted(item.id, spanOf(item, nowMs));
  const history = spanOf(item, nowMs, HISTORY_DAYS);
  const before = PLANTED_BEFORE[String(item.name)];
  const days = history.days - STATS_DAYS;
  if (!before || days <= 0) return current;
  const earlier = plantedStats(item.id, before, { start: history.start, days });
  return { ...current, details: [...(earlier.details as Json[]), ...(current.details as Json[])] };
}

export function demoOptions(now: Date = new Date()): FakeBatchOptions {
  const orchestrations = demoOrchestrations(now);
  const stats: Record<string, Json> = {};
  for (const [k, item] of orchestrations.entries()) {
    if (item.status === "draft" || typeof item.id !== "string") continue;
    const planted = PLANTED_PERFORMANCE[String(item.name)];
    if (planted) {
      stats[item.id] = plantedHistory({ ...item, id: item.id }, now.getTime(), planted);
      continue;
    }
    // Trigger automations report per message step; a few carry a field Batch does not document.
    // Figures are seeded per day, so the last 30 days are the same however far back they go.
    const steps = item.type === "trigger" ? 3 : 0;
    stats[item.id] = makeStats(item.id, { ...spanOf(item, now.getTime(), HISTORY_DAYS), versions: k % 3 === 0, platforms: true, steps, extraMetrics: k % 4 === 1 ? ["unique_conversion"] : [] });
  }
  // `today` follows `now` so the stats window and the 6-month check agree.
  return { ...DEMO_KEYS, orchestrations, inappCampaigns: demoInappCampaigns(now), stats, contents: demoPushContents(orchestrations), today: dayOf(now.getTime()), ...moreDemoOptions(now, dayOf(now.getTime() - (STATS_DAYS - 1) * DAY_MS)) };
}
