// The demo workspace's in-app campaigns (Fernwood Market, fictional), with the problems
// the audit prompt should find: live past their end date, dev-only yet live. Dates are
// relative to `now`; v1.1 prints them without a zone.

import { demoLanding } from "./demo-copy.js";
import { DAY_MS, seededString } from "./sample-hash.js";
import type { Json } from "./types.js";

interface Row {
  name: string;
  live: boolean;
  /** Days before `now` it was created. */
  created: number;
  /** End date in days from `now` (negative: past). */
  end?: number;
  fromApi?: boolean;
  devOnly?: boolean;
  when: "now" | "next_session";
  capping?: number;
  every: [number, "HOURS" | "DAYS"];
  query?: Json;
  /** Audit finding it plants, for the reader of this table (not served). */
  finding?: string;
}

const PARIS = { "isNear(48.8566,2.3522,20km)": true };

export const DEMO_INAPP: Row[] = [
  { name: "Welcome to Fernwood Market", live: true, created: 400, when: "next_session", capping: 1, every: [1, "DAYS"] },
  { name: "Turn on delivery notifications", live: true, created: 380, when: "next_session", capping: 3, every: [7, "DAYS"] },
  { name: "Rate your last delivery", live: true, created: 120, when: "now", every: [2, "DAYS"], fromApi: true },
  { name: "Spring sale banner", live: true, created: 110, end: -50, when: "now", capping: 5, every: [12, "HOURS"], finding: "live past its end date" },
  { name: "Summer BBQ interstitial", live: true, created: 80, end: -12, when: "next_session", every: [1, "DAYS"], query: PARIS, finding: "live past its end date" },
  { name: "QA: new checkout modal", live: true, created: 30, devOnly: true, when: "now", every: [1, "HOURS"], finding: "dev-only campaign left live" },
  { name: "Riverside store opening", live: true, created: 4, end: 26, when: "now", capping: 2, every: [1, "DAYS"], query: { "isNear(48.8414,2.2530,5km)": true } },
  { name: "Loyalty points reminder", live: true, created: 60, end: 300, when: "next_session", every: [3, "DAYS"], query: { "countForLabel(e.label_data, 'loyalty')": { $gt: 0 } }, fromApi: true },
  { name: "Free delivery weekend", live: false, created: 45, end: -38, when: "now", capping: 2, every: [6, "HOURS"] },
  { name: "Holiday hours notice", live: false, created: 330, end: -300, when: "next_session", every: [1, "DAYS"] },
  { name: "Black Friday teaser", live: false, created: 10, end: 40, when: "now", every: [1, "DAYS"], finding: "draft" },
  { name: "Feature tour: reorder in one tap", live: true, created: 200, when: "next_session", capping: 1, every: [30, "DAYS"], fromApi: true },
  { name: "Test banner", live: false, created: 500, devOnly: true, when: "now", every: [1, "HOURS"] },
  { name: "Vegan range preview", live: false, created: 250, when: "next_session", every: [1, "DAYS"], query: PARIS },
];

function v1Date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** A row of a demo app's in-app campaigns (other apps: demo-germany.ts, demo-android.ts). */
export type DemoInappRow = Row;

/** `seed` keeps each app's tokens apart ("demo": the iOS app's own). */
function campaignFrom(row: Row, k: number, nowMs: number, seed: string): Json {
  const token = seededString(`${seed}-inapp:${k}`, 32, "0123456789abcdef");
  return {
    campaign_token: token,
    from_api: row.fromApi ?? false,
    dev_only: row.devOnly ?? false,
    created_date: v1Date(nowMs - row.created * DAY_MS),
    name: row.name,
    live: row.live,
    ...(row.end !== undefined && { end_date: v1Date(nowMs + row.end * DAY_MS) }),
    trigger: {
      ...(row.capping !== undefined && { capping: row.capping }),
      when: row.when,
      grace_period: { every: row.every[0], unit: row.every[1] },
    },
    ...(row.query && { query: row.query }),
    // Only the GET by token returns these two (the fake strips them from the list).
    targeting: { segments: row.query ? ["Custom query"] : ["All users"] },
    landing: demoLanding(row.name, k % 2 === 0 ? "banner" : "modal"),
  };
}

/** The rows as Batch would list them: newest first. */
export function demoInappCampaigns(now: Date, rows: readonly Row[] = DEMO_INAPP, seed = "demo"): Json[] {
  const nowMs = now.getTime();
  return rows.map((row, k) => campaignFrom(row, k, nowMs, seed)).sort((a, b) => String(b.created_date).localeCompare(String(a.created_date)));
}
