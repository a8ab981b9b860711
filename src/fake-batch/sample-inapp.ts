// Realistic, clearly fictional v1.1 in-app campaigns shaped like the documented sample
// (seeds/inapp-campaigns-list.md): newest first, some past their end date while live.

import { DAY_MS, HOUR_MS, seededString } from "./sample-hash.js";
import type { Json } from "./types.js";

const NAMES = ["Welcome banner", "Rate the app prompt", "Spring sale interstitial", "Feature tour", "Push opt-in reminder"];
const NEWEST_MS = Date.UTC(2025, 5, 28, 10, 11, 38);
const HEX = "0123456789abcdef";

/** v1.1 prints local-looking date-times without a zone: "2018-08-13T10:11:38". */
function v1Date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function campaignToken(i: number): string {
  return seededString(`inapp:${i}`, 32, HEX);
}

export function makeInappCampaign(i: number, overrides: Json = {}): Json {
  const created = NEWEST_MS - i * (DAY_MS + 2 * HOUR_MS);
  // i % 4 === 1: ended 30 days after creation (past); i % 4 === 3: ends far in the future.
  const endDate = i % 4 === 1 ? v1Date(created + 30 * DAY_MS) : i % 4 === 3 ? "2031-12-31T17:30:00" : undefined;
  const campaign: Json = {
    campaign_token: campaignToken(i),
    from_api: i % 2 === 0,
    dev_only: i % 6 === 5,
    created_date: v1Date(created),
    name: `${NAMES[i % NAMES.length]} #${i}`,
    live: i % 3 !== 2,
    ...(endDate !== undefined && { end_date: endDate }),
    trigger: {
      ...(i % 2 === 0 && { capping: 10 }),
      when: i % 3 === 0 ? "now" : "next_session",
      grace_period: { every: 1 + (i % 4), unit: i % 2 === 0 ? "HOURS" : "DAYS" },
    },
  };
  if (i % 5 === 0) {
    campaign.query = {
      $or: [{ "isNear(45.7583907,4.8347867,30km)": true }, { "countForLabel(e.label_data, 'example')": 0 }],
    };
  }
  return { ...campaign, ...overrides };
}

export function makeInappCampaigns(n: number, overrides?: (i: number) => Json): Json[] {
  return Array.from({ length: n }, (_, i) => makeInappCampaign(i, overrides?.(i)));
}
