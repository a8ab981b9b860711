// The fake Batch server of inapp-apps.bench.ts, in a worker thread: serializing its pages
// must not count as the client's time. Posts its URL, then serves until terminated.

import { parentPort, workerData } from "node:worker_threads";
import { startFakeBatch } from "../src/fake-batch/index.js";
import { makeInappCampaigns } from "../test/fake-batch/factories.js";

const { restKey, apiKeys, campaigns, latencyMs } = workerData as { restKey: string; apiKeys: string[]; campaigns: number; latencyMs: number };
const apps = Object.fromEntries(apiKeys.map((key, a) => [key, makeInappCampaigns(campaigns, (i) => ({ campaign_token: `${a}-${i}-`.padEnd(32, "0") }))]));
const fake = await startFakeBatch({ restKey, apps, latencyMs });
parentPort?.postMessage(fake.url);
