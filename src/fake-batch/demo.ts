// The data set served in the product's demo mode: enough items for several pages on
// both APIs, and stats dated relative to today so they pass the 6-month check.

import { DAY_MS } from "./sample-hash.js";
import { makeInappCampaigns } from "./sample-inapp.js";
import { makeOrchestrations } from "./sample-orchestrations.js";
import { makeStats } from "./sample-stats.js";
import type { FakeBatchOptions, Json } from "./types.js";
import { DEMO_KEYS } from "./demo-keys.js";

export { DEMO_KEYS };

export function demoOptions(now: Date = new Date()): FakeBatchOptions {
  const orchestrations = makeOrchestrations(120);
  const start = new Date(now.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
  const stats: Record<string, Json> = {};
  for (const [k, item] of orchestrations.slice(0, 24).entries()) {
    if (item.status === "draft" || typeof item.id !== "string") continue;
    stats[item.id] = makeStats(item.id, { days: 30, start, versions: k % 3 === 0, platforms: true });
  }
  // `today` follows `now` so the stats window and the 6-month check agree.
  const today = now.toISOString().slice(0, 10);
  return { ...DEMO_KEYS, orchestrations, inappCampaigns: makeInappCampaigns(45), stats, today };
}
