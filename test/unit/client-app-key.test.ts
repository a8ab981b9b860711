// One BatchClient for several apps: the in-app methods take the app's API key per call
// (the option's key stays the default), and a key handed to a call is redacted like the
// option keys from then on.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchClient } from "../../src/batch/client.js";
import { BatchApiError } from "../../src/batch/errors.js";
import { startFakeBatch, type FakeBatch } from "../../src/fake-batch/index.js";
import { makeInappCampaigns } from "../fake-batch/factories.js";

const IOS = "api-key-ios-S3CRET";
const ANDROID = "api-key-android-S3CRET";
/** No filter: every campaign. */
const INAPP_EVERYTHING = {};

let fake: FakeBatch;
let client: BatchClient;
beforeAll(async () => {
  fake = await startFakeBatch({
    apiKey: IOS,
    inappCampaigns: makeInappCampaigns(3),
    apps: { [ANDROID]: makeInappCampaigns(130, (i) => ({ name: `Android #${i}`, campaign_token: `android${i}`.padEnd(32, "0") })) },
  });
  client = new BatchClient({ restApiKey: "test-rest-key-S3CRET", apiKey: IOS, baseUrl: fake.url, apiVersion: "2.10", rateLimit: 0, timeoutMs: 5000, retryBaseDelayMs: 1 });
});
afterAll(() => fake.close());

describe("BatchClient with an API key per call", () => {
  it("lists the app whose key is given, and the option's app without one", async () => {
    expect((await client.inappCampaignsPage(INAPP_EVERYTHING, undefined)).items).toHaveLength(3);
    const android = await client.inappCampaignsPage(INAPP_EVERYTHING, undefined, undefined, ANDROID);
    expect(android.items[0]?.name).toBe("Android #0");
  });

  it("pages an app's campaigns with the key on every page", async () => {
    const names: string[] = [];
    for await (const page of client.inappCampaignPages(INAPP_EVERYTHING, undefined, undefined, { concurrency: 2, pagesWanted: 2 }, ANDROID)) {
      names.push(...page.items.map((c) => String(c.name)));
    }
    expect(names).toHaveLength(130);
    expect(new Set(names).size).toBe(130);
  });

  it("gets one campaign through the given app", async () => {
    const [first] = (await client.inappCampaignsPage(INAPP_EVERYTHING, undefined, undefined, ANDROID)).items;
    const token = String(first?.token);
    expect((await client.inappCampaign(token, undefined, ANDROID)).name).toBe("Android #0");
    await expect(client.inappCampaign(token)).rejects.toBeInstanceOf(BatchApiError);
  });

  it("redacts a key once a call has used it", async () => {
    const other = "api-key-unknown-S3CRET";
    expect(client.redact(`/1.1/${other}/x`)).toContain(other);
    await expect(client.inappCampaignsPage(INAPP_EVERYTHING, undefined, undefined, other)).rejects.toMatchObject({ status: 404 });
    expect(client.redact(`/1.1/${other}/x and /1.1/${ANDROID}/y`)).toBe("/1.1/[redacted]/x and /1.1/[redacted]/y");
  });
});
