// The demo workspace beyond Fernwood Market's own data (demo.ts): the Android app's
// in-app campaigns, and Fernwood Germany's orchestrations, stats and web app. Each key
// sees only its own, as with Batch.

import { DEMO_ANDROID_INAPP } from "./demo-android.js";
import { DEMO_GERMANY_ORCHESTRATIONS, DEMO_GERMANY_WEB_INAPP } from "./demo-germany.js";
import { demoInappCampaigns } from "./demo-inapp.js";
import { demoOrchestrations } from "./demo-orchestrations.js";
import { DEMO_MORE_KEYS } from "./demo-projects.js";
import { makeStats } from "./sample-stats.js";
import type { FakeBatchOptions, Json } from "./types.js";

/** 30 days of figures from `start` for every orchestration that has sent. */
function statsOf(orchestrations: Json[], start: string): Record<string, Json> {
  const sent = orchestrations.filter((o): o is Json & { id: string } => o.status !== "draft" && typeof o.id === "string");
  return Object.fromEntries(
    sent.map((o, k) => [o.id, makeStats(o.id, { days: 30, start, versions: k % 3 === 0, platforms: true, steps: o.type === "trigger" ? 3 : 0 })]),
  );
}

export function moreDemoOptions(now: Date, statsStart: string): Pick<FakeBatchOptions, "projects" | "projectStats" | "apps"> {
  const germany = demoOrchestrations(now, DEMO_GERMANY_ORCHESTRATIONS, "demo-germany");
  return {
    projects: { [DEMO_MORE_KEYS.germanyProjectKey]: germany },
    projectStats: { [DEMO_MORE_KEYS.germanyProjectKey]: statsOf(germany, statsStart) },
    apps: {
      [DEMO_MORE_KEYS.androidApiKey]: demoInappCampaigns(now, DEMO_ANDROID_INAPP, "demo-android"),
      [DEMO_MORE_KEYS.germanyWebApiKey]: demoInappCampaigns(now, DEMO_GERMANY_WEB_INAPP, "demo-germany-web"),
    },
  };
}
