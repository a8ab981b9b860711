// The fake Batch server with several projects and apps: each project key sees only its
// orchestrations and stats, each app API key only its in-app campaigns, and a key it does
// not know gets the error Batch gives for it. The demo workspace is served that way too.

import { describe, expect, it } from "vitest";
import { fakePerTest } from "./fake-batch/lifecycle.js";
import { DEMO_KEYS, demoOptions, startFakeBatch, type FakeBatch, type FakeBatchOptions, type Json } from "../src/fake-batch/index.js";
import { DEMO_MORE_KEYS, DEMO_PROJECTS } from "../src/fake-batch/demo-projects.js";
import { makeInappCampaigns, makeOrchestrations, makeStats } from "./fake-batch/factories.js";

const REST = "test-rest-key-S3CRET";
const FR = "project-key-fr";
const DE = "project-key-de";
const IOS = "api-key-fr-ios";
const ANDROID = "api-key-fr-android";
const WEB = "api-key-de-web";

const start = fakePerTest();

async function get(f: FakeBatch, path: string, headers: Record<string, string>): Promise<{ status: number; body: Json & Json[] }> {
  const res = await fetch(`${f.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Json & Json[] };
}

const listOrch = (f: FakeBatch, project: string) =>
  get(f, "/2.10/orchestrations/list?limit=100&status=running&status=completed&status=draft&status=stopped", { authorization: `Bearer ${REST}`, "x-batch-project": project });
const statsOf = (f: FakeBatch, project: string, id: string) =>
  get(f, `/2.10/orchestrations/stats?orchestration_id=${id}&from=2025-06-01&to=2025-06-03`, { authorization: `Bearer ${REST}`, "x-batch-project": project });
const listInapp = (f: FakeBatch, apiKey: string) => get(f, `/1.1/${apiKey}/in-app-campaigns/list?limit=100`, { "x-authorization": REST });
const getInapp = (f: FakeBatch, apiKey: string, token: unknown) => get(f, `/1.1/${apiKey}/in-app-campaigns/${String(token)}`, { "x-authorization": REST });

const ids = (items: unknown) => (items as Json[]).map((o) => o.id);
const tokens = (items: unknown) => (items as Json[]).map((c) => c.campaign_token);

// Distinct data per key: ids and tokens never collide across projects or apps.
const frOrch = makeOrchestrations(3, (i) => ({ status: "running", id: `orchestration_fr${i}` }));
const deOrch = makeOrchestrations(2, (i) => ({ status: "running", id: `orchestration_de${i}` }));
const campaigns = (prefix: string, n: number) => makeInappCampaigns(n, (i) => ({ campaign_token: `${prefix}${i}`.padEnd(32, "0") }));
const iosCampaigns = campaigns("a1", 3);
const androidCampaigns = campaigns("b2", 2);
const webCampaigns = campaigns("c3", 4);

const twoProjectsThreeApps = (): FakeBatchOptions => ({
  today: "2025-07-15",
  projectKey: FR,
  orchestrations: frOrch,
  stats: { orchestration_fr0: makeStats("orchestration_fr0", { days: 3 }) },
  projects: { [DE]: deOrch },
  projectStats: { [DE]: { orchestration_de0: makeStats("orchestration_de0", { days: 3 }) } },
  apiKey: IOS,
  inappCampaigns: iosCampaigns,
  apps: { [ANDROID]: androidCampaigns, [WEB]: webCampaigns },
});

describe("fake Batch: two projects", () => {
  it("lists each project's own orchestrations", async () => {
    const f = await start(twoProjectsThreeApps());
    expect(ids((await listOrch(f, FR)).body.orchestrations)).toEqual(ids(frOrch));
    expect(ids((await listOrch(f, DE)).body.orchestrations)).toEqual(ids(deOrch));
  });

  it("serves each project its own stats; another project's id is unknown there", async () => {
    const f = await start(twoProjectsThreeApps());
    expect((await statsOf(f, FR, "orchestration_fr0")).body.details).toHaveLength(3);
    expect((await statsOf(f, DE, "orchestration_de0")).body.details).toHaveLength(3);
    const unknown = { status: 400, body: { error_code: "INVALID_ORCHESTRATION_ID" } };
    expect(await statsOf(f, DE, "orchestration_fr0")).toMatchObject(unknown);
    expect(await statsOf(f, FR, "orchestration_de1")).toMatchObject(unknown);
    // Listed in DE without stats: empty details, in DE only.
    expect((await statsOf(f, DE, "orchestration_de1")).body).toEqual({ id: "orchestration_de1", details: [] });
  });

  it("answers a project key it does not know with Batch's authentication error", async () => {
    const f = await start(twoProjectsThreeApps());
    const expected = { status: 401, body: { error_code: "AUTHENTICATION_INVALID" } };
    expect(await listOrch(f, "project-key-uk")).toMatchObject(expected);
    expect(await statsOf(f, "project-key-uk", "orchestration_fr0")).toMatchObject(expected);
  });

  it("adds stats to a project with setStats, seen by that project only", async () => {
    const f = await start(twoProjectsThreeApps());
    f.setStats("orchestration_de1", makeStats("orchestration_de1", { days: 3 }), DE);
    expect((await statsOf(f, DE, "orchestration_de1")).body.details).toHaveLength(3);
    expect((await statsOf(f, FR, "orchestration_de1")).status).toBe(400);
    // A new key becomes a known project.
    f.setStats("orchestration_uk0", makeStats("orchestration_uk0", { days: 3 }), "project-key-uk");
    expect((await statsOf(f, "project-key-uk", "orchestration_uk0")).status).toBe(200);
    expect((await listOrch(f, "project-key-uk")).body.orchestrations).toEqual([]);
  });
});

describe("fake Batch: three apps", () => {
  it("lists each app's own in-app campaigns", async () => {
    const f = await start(twoProjectsThreeApps());
    expect(tokens((await listInapp(f, IOS)).body)).toEqual(tokens(iosCampaigns));
    expect(tokens((await listInapp(f, ANDROID)).body)).toEqual(tokens(androidCampaigns));
    expect(tokens((await listInapp(f, WEB)).body)).toEqual(tokens(webCampaigns));
  });

  it("gets a campaign by token only through its own app", async () => {
    const f = await start(twoProjectsThreeApps());
    const token = androidCampaigns[1]?.campaign_token;
    expect(await getInapp(f, ANDROID, token)).toMatchObject({ status: 200, body: { campaign_token: token } });
    expect(await getInapp(f, IOS, token)).toMatchObject({ status: 404, body: { code: 20, message: "Campaign not found" } });
  });

  it("answers an API key it does not know as Batch does (unknown route), and a wrong REST key with 401", async () => {
    const f = await start(twoProjectsThreeApps());
    expect(await listInapp(f, "api-key-uk")).toMatchObject({ status: 404, body: { code: 20, message: "Route not found" } });
    const wrongRest = await get(f, `/1.1/${WEB}/in-app-campaigns/list`, { "x-authorization": "nope" });
    expect(wrongRest).toMatchObject({ status: 401, body: { code: 10, message: "Authentication invalid" } });
  });

  it("replaces one app's campaigns with setInappCampaigns, or adds an app", async () => {
    const f = await start(twoProjectsThreeApps());
    f.setInappCampaigns(campaigns("d4", 1), WEB);
    expect(tokens((await listInapp(f, WEB)).body)).toEqual(tokens(campaigns("d4", 1)));
    expect(tokens((await listInapp(f, IOS)).body)).toEqual(tokens(iosCampaigns));
    f.setInappCampaigns(campaigns("e5", 2), "api-key-uk");
    expect((await listInapp(f, "api-key-uk")).body).toHaveLength(2);
    // Without a key, the default app, as before.
    f.setInappCampaigns([]);
    expect((await listInapp(f, IOS)).body).toEqual([]);
  });
});

describe("the demo workspace", () => {
  it("serves two projects and three apps, each seeing only its own data", async () => {
    const f = await start(demoOptions(new Date("2025-07-15T12:00:00Z")));
    const [market, germany] = DEMO_PROJECTS;
    expect(DEMO_PROJECTS.map((p) => [p.name, p.apps.map((a) => a.name)])).toEqual([
      ["Fernwood Market", ["iOS", "Android"]],
      ["Fernwood Germany", ["Web"]],
    ]);
    expect(market.projectKey).toBe(DEMO_KEYS.projectKey);
    expect(germany?.projectKey).toBe(DEMO_MORE_KEYS.germanyProjectKey);

    const demoOrch = (project: string) =>
      get(f, "/2.10/orchestrations/list?limit=100&status=running&status=completed&status=draft&status=stopped", {
        authorization: `Bearer ${DEMO_KEYS.restKey}`,
        "x-batch-project": project,
      });
    const marketIds = ids((await demoOrch(DEMO_KEYS.projectKey)).body.orchestrations);
    const germanyList = (await demoOrch(DEMO_MORE_KEYS.germanyProjectKey)).body.orchestrations as Json[];
    expect(marketIds).toHaveLength(32);
    expect(germanyList.map((o) => o.name)).toContain("Neuer Markt in Köln-Ehrenfeld");
    expect(germanyList.some((o) => marketIds.includes(o.id))).toBe(false);

    const sent = germanyList.find((o) => o.status === "running");
    const germanyStats = await get(f, `/2.10/orchestrations/stats?orchestration_id=${String(sent?.id)}&from=2025-07-01&to=2025-07-10`, {
      authorization: `Bearer ${DEMO_KEYS.restKey}`,
      "x-batch-project": DEMO_MORE_KEYS.germanyProjectKey,
    });
    expect((germanyStats.body.details as Json[]).length).toBeGreaterThan(0);

    const inapp = async (apiKey: string) => tokens((await get(f, `/1.1/${apiKey}/in-app-campaigns/list?limit=100`, { "x-authorization": DEMO_KEYS.restKey })).body);
    const [ios, android, web] = await Promise.all([inapp(DEMO_KEYS.apiKey), inapp(DEMO_MORE_KEYS.androidApiKey), inapp(DEMO_MORE_KEYS.germanyWebApiKey)]);
    expect([ios.length, android.length, web.length]).toEqual([14, 6, 5]);
    expect(new Set([...ios, ...android, ...web]).size).toBe(25);
  });
});
