// The fake's view route (GET /{version}/orchestrations/view) and the in-app landing it pairs
// with: if they drift from Batch's page, the content client's tests prove the wrong thing.

import { describe, expect, it } from "vitest";
import { fakePerTest } from "./fake-batch/lifecycle.js";
import { startFakeBatch, type FakeBatch, type FakeBatchOptions, type Json } from "../src/fake-batch/index.js";
import { inappLanding, makeInappCampaign, makeOrchestration, pushContent } from "./fake-batch/factories.js";

const REST = "test-rest-key-S3CRET";
const PROJECT = "project-key-1";
const API = "test-api-key-S3CRET";

const start = fakePerTest();

type Headers = Record<string, string>;
const v2Headers = (extra: Headers = {}): Headers => ({ authorization: `Bearer ${REST}`, "x-batch-project": PROJECT, ...extra });

async function call(f: FakeBatch, path: string, headers: Headers) {
  const res = await fetch(`${f.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Json };
}

const view = (f: FakeBatch, id: string | undefined, { version = "2.11", headers = v2Headers() } = {}) =>
  call(f, `/${version}/orchestrations/view${id === undefined ? "" : `?orchestration_id=${encodeURIComponent(id)}`}`, headers);

// makeOrchestration(0) is a one-time push campaign; (1) a recurring email; (4) a one-time email.
const PUSH = makeOrchestration(0, { status: "running" });
const RECURRING = makeOrchestration(1);
const EMAIL = makeOrchestration(4, { channels: ["email"] });
const ONETIME_QUIRK = makeOrchestration(8, { type: "onetime", channels: ["push", "email"] });
const COPY = pushContent({ en: { title: "Fresh figs are in", body: "Order by 6pm", deeplink: "fernwood://figs", image: "https://cdn.example/figs.png" }, fr: { title: "Figues fraîches", body: "Commandez avant 18 h" } });
const ids = (...items: Json[]) => items.map((o) => String(o.id));
const [PUSH_ID, RECURRING_ID, EMAIL_ID, QUIRK_ID] = ids(PUSH, RECURRING, EMAIL, ONETIME_QUIRK) as [string, string, string, string];

describe("orchestration view route", () => {
  it("exists from version 2.11 only: earlier versions answer the unknown-route 404, whatever the auth", async () => {
    const f = await start({ orchestrations: [PUSH] });
    for (const version of ["2.9", "2.10"]) {
      expect(await view(f, PUSH_ID, { version, headers: {} })).toEqual({ status: 404, body: { error_message: "Route not found", error_code: "NOT_FOUND" } });
    }
    for (const version of ["2.11", "2.12", "3.0"]) expect((await view(f, PUSH_ID, { version })).status).toBe(200);
    expect(f.requests.map((r) => r.route)).toEqual(["unknown", "unknown", "orchestration-view", "orchestration-view", "orchestration-view"]);
  });

  it("authenticates like the other v2 routes", async () => {
    const f = await start({ orchestrations: [PUSH] });
    expect(await view(f, PUSH_ID, { headers: { "x-batch-project": PROJECT } })).toMatchObject({ status: 401, body: { error_code: "AUTHENTICATION_INVALID" } });
    expect(await view(f, PUSH_ID, { headers: { authorization: `Bearer ${REST}` } })).toMatchObject({ status: 400, body: { error_code: "MISSING_PROJECT_KEY" } });
    expect(await view(f, PUSH_ID, { headers: v2Headers({ "x-batch-project": "other" }) })).toMatchObject({ status: 401 });
    expect(await view(f, undefined)).toMatchObject({ status: 400, body: { error_code: "MALFORMED_PARAMETER" } });
  });

  it("serves the listed fields and the scripted content of a one-time push campaign", async () => {
    const f = await start({ orchestrations: [PUSH, ONETIME_QUIRK], contents: { [PUSH_ID]: COPY } });
    const { status, body } = await view(f, PUSH_ID);
    expect(status).toBe(200);
    expect(body).toEqual({
      id: PUSH_ID,
      type: "campaign",
      name: PUSH.name,
      status: "running",
      source: PUSH.source,
      created_date: PUSH.created_date,
      updated_date: PUSH.created_date,
      start_time: PUSH.start_time,
      labels: PUSH.labels,
      ...COPY,
    });
    expect((body.messages as Json[])[0]).toEqual({
      channel: "push",
      languages: [
        { language: "en", title: "Fresh figs are in", body: "Order by 6pm", deeplink: "fernwood://figs", media: { picture: "https://cdn.example/figs.png" } },
        { language: "fr", title: "Figues fraîches", body: "Commandez avant 18 h" },
      ],
    });
    // The sample's "onetime" spelling is a one-time campaign too; without content it has no copy.
    expect(await view(f, QUIRK_ID)).toMatchObject({ status: 200, body: { id: QUIRK_ID, type: "campaign" } });
    expect((await view(f, QUIRK_ID)).body).not.toHaveProperty("messages");
  });

  it("follows setContent", async () => {
    const f = await start({ orchestrations: [PUSH], contents: { [PUSH_ID]: COPY } });
    f.setContent(PUSH_ID, { message: { contents: { de: { title: "Feigen", body: "Jetzt" } } } });
    const { body } = await view(f, PUSH_ID);
    expect(body).not.toHaveProperty("messages");
    expect(body.message).toEqual({ contents: { de: { title: "Feigen", body: "Jetzt" } } });
  });

  it("refuses other kinds of orchestration, and ids the project does not have, with Batch's messages", async () => {
    const f = await start({ orchestrations: [PUSH, RECURRING, EMAIL], projects: { other: [makeOrchestration(12)] } });
    const notPush = { status: 403, body: { error_message: "The provided id resolves to an orchestration that is not a push campaign.", error_code: "NOT_A_PUSH_CAMPAIGN" } };
    expect(await view(f, RECURRING_ID)).toEqual(notPush);
    expect(await view(f, EMAIL_ID)).toEqual(notPush);
    const unknown = { status: 404, body: { error_message: "The provided orchestration id does not match any orchestration.", error_code: "ORCHESTRATION_NOT_FOUND" } };
    expect(await view(f, "orchestration_unknown")).toEqual(unknown);
    expect(await view(f, String(makeOrchestration(12).id))).toEqual(unknown);
  });

  it("takes scripted faults by route name", async () => {
    const f = await start({ orchestrations: [PUSH] });
    f.script({ route: "orchestration-view", fault: { kind: "status", status: 503 } });
    expect(await view(f, PUSH_ID)).toMatchObject({ status: 503, body: { error_code: "MAINTENANCE" } });
    expect((await view(f, PUSH_ID)).status).toBe(200);
  });
});

describe("in-app landing", () => {
  it("is served by the GET by token when the sample has one, and stripped from the list", async () => {
    const landing = inappLanding({
      en: { title: "Welcome", body: "Fresh food, fast", image: "https://cdn.example/w.png", buttons: [{ label: "Shop", action: "batch.deeplink", url: "https://shop.example" }, { label: "Later", action: "batch.dismiss" }] },
      fr: { title: "Bienvenue", body: "Frais, vite", buttons: [{ label: "Voir" }] },
    });
    expect(landing).toEqual({
      theme: "modal",
      contents: {
        en: { title: "Welcome", body: "Fresh food, fast", image: { url: "https://cdn.example/w.png" }, actions: [{ label: "Shop", action: "batch.deeplink", args: { l: "https://shop.example" } }, { label: "Later", action: "batch.dismiss" }] },
        fr: { title: "Bienvenue", body: "Frais, vite", actions: [{ label: "Voir" }] },
      },
    });
    const campaign = makeInappCampaign(2, { landing });
    const f = await start({ inappCampaigns: [campaign] });
    const got = await call(f, `/1.1/${API}/in-app-campaigns/${String(campaign.campaign_token)}`, { "x-authorization": REST });
    expect(got).toMatchObject({ status: 200, body: { landing } });
    const listed = await fetch(`${f.url}/1.1/${API}/in-app-campaigns/list`, { headers: { "x-authorization": REST } }).then((r) => r.json() as Promise<Json[]>);
    expect(listed[0]).not.toHaveProperty("landing");
  });
});
