// The data set served in the product's demo mode: the fictional "Fernwood Market"
// workspace (demo-orchestrations.ts, demo-inapp.ts), and stats dated relative to today
// so they pass the 6-month check.

import { DEMO_KEYS } from "./demo-keys.js";
import { demoInappCampaigns } from "./demo-inapp.js";
import { demoOrchestrations } from "./demo-orchestrations.js";
import { DAY_MS } from "./sample-hash.js";
import { makeStats } from "./sample-stats.js";
import type { FakeBatchOptions, Json } from "./types.js";

export { DEMO_KEYS };

export function demoOptions(now: Date = new Date()): FakeBatchOptions {
  const orchestrations = demoOrchestrations(now);
  const start = new Date(now.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
  const stats: Record<string, Json> = {};
  for (const [k, item] of orchestrations.entries()) {
    if (item.status === "draft" || typeof item.id !== "string") continue;
    // Trigger automations report per message step; a few carry a field Batch does not document.
    const steps = item.type === "trigger" ? 3 : 0;
    stats[item.id] = makeStats(item.id, { days: 30, start, versions: k % 3 === 0, platforms: true, steps, extraMetrics: k % 4 === 1 ? ["unique_conversion"] : [] });
  }
  // `today` follows `now` so the stats window and the 6-month check agree.
  const today = now.toISOString().slice(0, 10);
  return { ...DEMO_KEYS, orchestrations, inappCampaigns: demoInappCampaigns(now), stats, today };
}
