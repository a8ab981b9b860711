// The data set served in the product's demo mode: the fictional "Fernwood Market"
// workspace (demo-orchestrations.ts, demo-inapp.ts), and stats dated relative to today
// so they pass the 6-month check, with a few planted performance problems for the
// performance audit and compare_orchestrations to find.

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

/** The performance cases the audit and compare_orchestrations should find, by orchestration name (30 days). */
const PLANTED_PERFORMANCE: Record<string, (id: string, start: string) => Record<string, unknown>> = {
  "Monthly loyalty points statement": (id, start) => plantedStats(id, totals(48_200, { bounce: 0.098 }), { days: 30, start }),
  "Weekend meal kit ideas": (id, start) => plantedStats(id, totals(22_400, { unsub: 0.024 }), { days: 30, start }),
  "Birthday voucher": (id, start) => plantedStats(id, { sent: 0, delivered: 0 }, { days: 30, start }),
  "Sunday recipe ideas": (id, start) => plantedStats(id, totals(31_000, { open: 0.032, click: 0.004 }), { days: 30, start }),
  "New store in Riverside": (id, start) =>
    plantedStats(id, totals(18_000), { days: 30, start, versions: { a: totals(9_000, { open: 0.17 }), b: totals(9_000, { open: 0.25 }) } }),
};

export function demoOptions(now: Date = new Date()): FakeBatchOptions {
  const orchestrations = demoOrchestrations(now);
  const start = new Date(now.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
  const stats: Record<string, Json> = {};
  for (const [k, item] of orchestrations.entries()) {
    if (item.status === "draft" || typeof item.id !== "string") continue;
    // Trigger automations report per message step; a few carry a field Batch does not document.
    const steps = item.type === "trigger" ? 3 : 0;
    const planted = PLANTED_PERFORMANCE[String(item.name)];
    if (planted) {
      stats[item.id] = planted(item.id, start);
      continue;
    }
    stats[item.id] = makeStats(item.id, { days: 30, start, versions: k % 3 === 0, platforms: true, steps, extraMetrics: k % 4 === 1 ? ["unique_conversion"] : [] });
  }
  // `today` follows `now` so the stats window and the 6-month check agree.
  const today = now.toISOString().slice(0, 10);
  return { ...DEMO_KEYS, orchestrations, inappCampaigns: demoInappCampaigns(now), stats, today, ...moreDemoOptions(now, start) };
}
