// In-app listing across a project's apps: 3 apps of 1,000 campaigns each (10 v1.1 pages per
// app) at 50 ms a page, every app's campaigns merged newest first, against one app of the same
// project alone. Listing every app should cost about one app's time, not three: the apps'
// pages are asked for at once, each app at the default page concurrency
// (BATCH_INAPP_CONCURRENCY=4). Measured through the workspace's listing pages (what
// list_inapp_campaigns and the audit read) and the shared collector, over the project's own
// Batch client. The fake runs in a worker thread, so its own work is not counted.

import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { collect, START } from "../src/batch/collect.js";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { createServices } from "../src/workspace/create-services.js";
import { inappQueryPages } from "../src/workspace/listing/inapp-query.js";
import type { Services } from "../src/workspace/services.js";
import { medians, ms, ratio } from "./measure.js";
import type { Bench } from "./types.js";

const APPS = ["iOS", "Android", "Web"];
const API_KEYS = ["api-key-ios", "api-key-android", "api-key-web"];
const CAMPAIGNS = 1000;
const LATENCY_MS = 50;
const ROUNDS = 7;
const GOAL = 1.2;
const REST_KEY = "bench-rest-key";
/** As list_inapp_campaigns with totals_only and max_results 10,000: read until Batch has no more. */
const CAP = 10_000;

/** Every campaign of the app named (or of all, merged), as a listing reads them. */
async function list(services: Services, app: string | undefined, expected: number): Promise<void> {
  const signal = new AbortController().signal;
  const collected = await collect({
    pages: (from) => inappQueryPages(services, { app }, from, signal, CAP),
    start: START,
    cap: CAP,
    matches: () => true,
    key: (c) => c.token,
    maxPages: 100,
  });
  if (collected.items.length !== expected) throw new Error(`${app ?? "every app"}: listed ${collected.items.length} campaigns, not ${expected}`);
}

const bench: Bench = async () => {
  const worker = new Worker(new URL("./fake-apps-worker.js", import.meta.url), {
    workerData: { restKey: REST_KEY, apiKeys: API_KEYS, campaigns: CAMPAIGNS, latencyMs: LATENCY_MS },
  });
  try {
    const [url] = (await once(worker, "message")) as [string];
    const base = loadConfig({ BATCH_API_BASE_URL: url, BATCH_REST_API_KEY: REST_KEY, BATCH_RATE_LIMIT: "0", BATCH_RETRY_BASE_DELAY_MS: "100" });
    const project = { name: "bench", projectKey: "bench-project-key", restApiKey: REST_KEY, apps: APPS.map((name, i) => ({ name, apiKey: API_KEYS[i] })) };
    const services = createServices({ ...base, projects: { projects: [project], defaultProject: "bench", tokens: [] }, namedProjects: true }, silentLogger);
    const t = await medians(ROUNDS, {
      one: () => list(services, APPS[0], CAMPAIGNS),
      all: () => list(services, undefined, CAMPAIGNS * APPS.length),
    });
    const share = t.all / t.one;
    return [
      {
        name: `in-app across apps: ${APPS.length} apps x ${CAMPAIGNS} campaigns, ${LATENCY_MS} ms/page, merged newest first vs one app (workspace listing)`,
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
