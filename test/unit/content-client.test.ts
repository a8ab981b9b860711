// BatchClient.orchestrationContent and inappCampaignContent against the fake Batch server:
// the version the view route is called with, the headers, and what each refusal means.

import { afterEach, describe, expect, it } from "vitest";
import { BatchClient } from "../../src/batch/client.js";
import { BatchApiError } from "../../src/batch/errors.js";
import { startFakeBatch, type FakeBatch, type FakeBatchOptions } from "../../src/fake-batch/index.js";
import { inappLanding, makeInappCampaign, makeOrchestration, pushContent } from "../fake-batch/factories.js";

const KEYS = { restKey: "rest-S3CRET", projectKey: "project-1", apiKey: "api-S3CRET" };
const PUSH = makeOrchestration(0, { status: "running" });
const RECURRING = makeOrchestration(1);
const PUSH_ID = String(PUSH.id);

let fake: FakeBatch | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(apiVersion = "2.10", options: FakeBatchOptions = {}) {
  fake = await startFakeBatch({ ...KEYS, orchestrations: [PUSH, RECURRING], ...options });
  const client = new BatchClient({
    restApiKey: KEYS.restKey,
    projectKey: KEYS.projectKey,
    apiKey: KEYS.apiKey,
    baseUrl: fake.url,
    apiVersion,
    rateLimit: 0,
    timeoutMs: 5_000,
    retryBaseDelayMs: 1,
  });
  return { fake, client };
}

async function failure(promise: Promise<unknown>): Promise<BatchApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof BatchApiError)) throw new Error(`expected a BatchApiError, got ${String(error)}`);
  return error;
}

describe("orchestrationContent", () => {
  it("calls the view route with 2.11 when the configured version is older, with the v2 headers", async () => {
    const copy = pushContent({ en: { title: "Figs", body: "Fresh today", deeplink: "fernwood://figs" }, fr: { title: "Figues", body: "Fraîches" } });
    const { fake: f, client } = await setup("2.10", { contents: { [PUSH_ID]: copy } });
    const content = await client.orchestrationContent(PUSH_ID);
    expect(content).toMatchObject({ kind: "orchestration", id: PUSH_ID, name: PUSH.name, status: "running", type: "campaign", live: true, warnings: [] });
    expect(content.messages.map((m) => [m.language, m.title, m.body, m.deeplink])).toEqual([["en", "Figs", "Fresh today", "fernwood://figs"], ["fr", "Figues", "Fraîches", undefined]]);
    const [request] = f.requests;
    expect(request).toMatchObject({ route: "orchestration-view", path: "/2.11/orchestrations/view", query: { orchestration_id: [PUSH_ID] } });
    expect(request?.headers).toMatchObject({ authorization: `Bearer ${KEYS.restKey}`, "x-batch-project": KEYS.projectKey });
  });

  it("keeps a later configured version", async () => {
    const { fake: f, client } = await setup("2.12");
    await client.orchestrationContent(PUSH_ID);
    expect(f.requests[0]?.path).toBe("/2.12/orchestrations/view");
  });

  it("says when the id is not a push campaign, or unknown, naming the id", async () => {
    const { client } = await setup();
    const notPush = await failure(client.orchestrationContent(String(RECURRING.id)));
    expect(notPush).toMatchObject({ reason: "not_push", status: 403, subject: { noun: "orchestration", id: RECURRING.id } });
    const unknown = await failure(client.orchestrationContent("orchestration_nope"));
    expect(unknown).toMatchObject({ reason: "unknown_id", status: 404, subject: { noun: "orchestration", id: "orchestration_nope" } });
  });

  it("tells a missing route from an unknown id, and names no id then", async () => {
    const { fake: f, client } = await setup();
    f.script({ route: "orchestration-view", fault: { kind: "status", status: 404 } });
    const error = await failure(client.orchestrationContent(PUSH_ID));
    expect(error).toMatchObject({ reason: "route_missing", status: 404, code: "NOT_FOUND" });
    expect(error.subject).toBeUndefined();
  });

  it("asks for the keys it needs before calling", async () => {
    const bare = new BatchClient({ baseUrl: "http://127.0.0.1:1", apiVersion: "2.10", rateLimit: 0, timeoutMs: 100, retryBaseDelayMs: 1 });
    expect(await failure(bare.orchestrationContent(PUSH_ID))).toMatchObject({ kind: "missing-config", variable: "BATCH_REST_API_KEY" });
  });
});

describe("inappCampaignContent", () => {
  it("reads the landing of the GET by token", async () => {
    const landing = inappLanding({ en: { title: "Welcome", body: "Fresh food", buttons: [{ label: "Shop", action: "batch.deeplink", url: "https://shop.example" }] } });
    const campaign = makeInappCampaign(0, { landing });
    const { client } = await setup("2.10", { inappCampaigns: [campaign] });
    const content = await client.inappCampaignContent(String(campaign.campaign_token));
    expect(content).toMatchObject({ kind: "inapp_campaign", id: campaign.campaign_token, live: campaign.live });
    expect(content.messages).toEqual([
      { language: "en", title: "Welcome", body: "Fresh food", buttons: [{ label: "Shop", action: "batch.deeplink", url: "https://shop.example" }] },
    ]);
  });
});
