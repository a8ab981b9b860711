// The demo workspace's projects and apps, by name and key: Fernwood Market (the original
// sample, with an iOS and an Android app) and Fernwood Germany (one web app). All
// fictional; the keys only open the local fake. Light on purpose, like demo-keys.ts:
// demo mode's configuration reads it without loading the fake or its data.

import { DEMO_KEYS } from "./demo-keys.js";

export const DEMO_MORE_KEYS = {
  androidApiKey: "demo-android-api-key",
  germanyProjectKey: "demo-germany-project-key",
  germanyWebApiKey: "demo-germany-web-api-key",
} as const;

export interface DemoProject {
  name: string;
  projectKey: string;
  apps: ReadonlyArray<{ name: string; apiKey: string }>;
}

/** The first is the default project; its first app is the one DEMO_KEYS.apiKey opens. */
export const DEMO_PROJECTS: readonly [DemoProject, ...DemoProject[]] = [
  {
    name: "Fernwood Market",
    projectKey: DEMO_KEYS.projectKey,
    apps: [
      { name: "iOS", apiKey: DEMO_KEYS.apiKey },
      { name: "Android", apiKey: DEMO_MORE_KEYS.androidApiKey },
    ],
  },
  {
    name: "Fernwood Germany",
    projectKey: DEMO_MORE_KEYS.germanyProjectKey,
    apps: [{ name: "Web", apiKey: DEMO_MORE_KEYS.germanyWebApiKey }],
  },
];
