// Fernwood Market's Android app (fictional): its own in-app campaigns, a few shared with
// iOS in name only (different tokens), with one audit finding of its own.

import type { DemoInappRow } from "./demo-inapp.js";

export const DEMO_ANDROID_INAPP: DemoInappRow[] = [
  { name: "Welcome to Fernwood Market", live: true, created: 400, when: "next_session", capping: 1, every: [1, "DAYS"] },
  { name: "Allow notifications (Android 13+)", live: true, created: 200, when: "next_session", capping: 3, every: [7, "DAYS"] },
  { name: "Update available: faster checkout", live: true, created: 25, when: "now", every: [1, "DAYS"], fromApi: true },
  { name: "Spring sale banner", live: true, created: 110, end: -50, when: "now", capping: 5, every: [12, "HOURS"], finding: "live past its end date" },
  { name: "Home screen widget tour", live: true, created: 40, end: 60, when: "next_session", capping: 1, every: [30, "DAYS"] },
  { name: "QA: widget permission prompt", live: false, created: 15, devOnly: true, when: "now", every: [1, "HOURS"] },
];
