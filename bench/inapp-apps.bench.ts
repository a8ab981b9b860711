// In-app listing across a project's apps: 3 apps of 1,000 campaigns each (10 v1.1 pages
// per app) at 50 ms a page, the apps fetched at once, against one app alone. Listing every
// app should cost about one app's time, not three.
// The merged listing will live in src/workspace/ (issue 21); until it exists this measures
// what it will stand on: one BatchClient paging each app with its own API key, the apps
// concurrently, each at the default page concurrency (BATCH_INAPP_CONCURRENCY=4). The fake
// runs in a worker thread, so its own work is not counted as the client's.

import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { BatchClient } from "../src/batch/client.js";
import { INAPP_PAGE_SIZE } from "../src/batch/inapp-endpoint.js";
import { medians, ms, ratio } from "./measure.js";
import type { Bench } from "./types.js";

const APPS = ["api-key-ios", "api-key-android", "api-key-web"];
const CAMPAIGNS = 1000;
const LATENCY_MS = 50;
const CONCURRENCY = 4;
const ROUNDS = 7;
const GOAL = 1.2;
const REST_KEY = "bench-rest-key";

async function listApp(client: BatchClient, apiKey: string): Promise<void> {
  const parallel = { concurrency: CONCURRENCY, pagesWanted: Math.ceil(CAMPAIGNS / INAPP_PAGE_SIZE) };
  let listed = 0;
  for await (const page of client.inappCampaignPages({}, undefined, undefined, parallel, apiKey)) listed += page.items.length;
  if (listed !== CAMPAIGNS) throw new Error(`app ${APPS.indexOf(apiKey) + 1} listed ${listed} campaigns, not ${CAMPAIGNS}`);
}

const bench: Bench = async () => {
  const worker = new Worker(new URL("./fake-apps-worker.js", import.meta.url), {
    workerData: { restKey: REST_KEY, apiKeys: APPS, campaigns: CAMPAIGNS, latencyMs: LATENCY_MS },
  });
  try {
    const [url] = (await once(worker, "message")) as [string];
    const client = new BatchClient({ restApiKey: REST_KEY, baseUrl: url, apiVersion: "2.10", rateLimit: 0, timeoutMs: 20_000, retryBaseDelayMs: 100 });
    const [first = ""] = APPS;
    const t = await medians(ROUNDS, {
      one: () => listApp(client, first),
      all: () => Promise.all(APPS.map((key) => listApp(client, key))),
    });
    const share = t.all / t.one;
    return [
      {
        name: `in-app across apps: ${APPS.length} apps x ${CAMPAIGNS} campaigns, ${LATENCY_MS} ms/page, at once vs one app (BatchClient)`,
        measured: `${ratio(share)} (${ms(t.all)} vs ${ms(t.one)})`,
        goal: `<= ${GOAL}x`,
        ok: share <= GOAL,
      },
    ];
  } finally {
    await worker.terminate();
  }
};
export default bench;
