// Tests of the fake Batch server itself: if the fake drifts from Batch's documented
// behaviour, every end-to-end test built on it would prove the wrong thing.

import { describe, expect, it } from "vitest";
import { fakePerTest } from "./fake-batch/lifecycle.js";
import { startFakeBatch, type FakeBatch, type FakeBatchOptions, type Json } from "../src/fake-batch/index.js";
import { sixMonthsBefore } from "../src/fake-batch/stats-route.js";
import {
  makeInappCampaign,
  makeInappCampaigns,
  makeOrchestration,
  makeOrchestrations,
  makeStats,
  STAT_METRICS,
} from "./fake-batch/factories.js";

const REST = "test-rest-key-S3CRET";
const PROJECT = "project-key-1";
const API = "test-api-key-S3CRET";

const start = fakePerTest();

type Query = Record<string, string | number | boolean | (string | number)[]>;

function qs(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

type Headers = Record<string, string>;

const v2Headers = (extra: Headers = {}): Headers => ({ authorization: `Bearer ${REST}`, "x-batch-project": PROJECT, ...extra });
const v1Headers = (extra: Headers = {}): Headers => ({ "x-authorization": REST, ...extra });

async function call(f: FakeBatch, path: string, headers: Headers, init: RequestInit = {}) {
  const res = await fetch(`${f.url}${path}`, { headers, ...init });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: body as Json & unknown[] };
}

const listOrch = (f: FakeBatch, query?: Query, headers = v2Headers()) => call(f, `/2.10/orchestrations/list${qs(query)}`, headers);
const listInapp = (f: FakeBatch, query?: Query, headers = v1Headers()) => call(f, `/1.1/${API}/in-app-campaigns/list${qs(query)}`, headers);
const stats = (f: FakeBatch, query?: Query, headers = v2Headers()) => call(f, `/2.10/orchestrations/stats${qs(query)}`, headers);
const ids = (items: unknown): unknown[] => (items as Json[]).map((o) => o.id);

describe("orchestrations list: authentication", () => {
  it("requires the bearer REST key", async () => {
    const f = await start({ orchestrations: makeOrchestrations(3) });
    const expected = { error_message: "The Rest API Key is not valid for this project", error_code: "AUTHENTICATION_INVALID" };
    expect(await listOrch(f, {}, { "x-batch-project": PROJECT })).toMatchObject({ status: 401, body: expected });
    expect(await listOrch(f, {}, v2Headers({ authorization: "Bearer nope" }))).toMatchObject({ status: 401, body: expected });
    expect(await listOrch(f, {}, v2Headers({ authorization: REST }))).toMatchObject({ status: 401 });
  });

  it("requires a known X-Batch-Project", async () => {
    const f = await start();
    const missing = await listOrch(f, {}, { authorization: `Bearer ${REST}` });
    expect(missing).toMatchObject({ status: 400, body: { error_code: "MISSING_PROJECT_KEY" } });
    const unknown = await listOrch(f, {}, v2Headers({ "x-batch-project": "other" }));
    expect(unknown).toMatchObject({ status: 401, body: { error_code: "AUTHENTICATION_INVALID" } });
  });

  it("serves each project its own orchestrations, on any 2.x version", async () => {
    const mine = makeOrchestrations(2, () => ({ status: "running" }));
    const theirs = [makeOrchestration(40, { status: "running" })];
    const f = await start({ orchestrations: mine, projects: { "project-key-2": theirs } });
    expect(ids((await listOrch(f)).body.orchestrations)).toEqual(ids(mine));
    const other = await listOrch(f, {}, v2Headers({ "x-batch-project": "project-key-2" }));
    expect(ids(other.body.orchestrations)).toEqual(ids(theirs));
    for (const version of ["2.9", "2.11"]) {
      expect((await call(f, `/${version}/orchestrations/list`, v2Headers())).status).toBe(200);
    }
    f.setOrchestrations([makeOrchestration(7, { status: "completed" })], "project-key-3");
    const added = await listOrch(f, {}, v2Headers({ "x-batch-project": "project-key-3" }));
    expect(added.body.count).toBe(1);
  });

  it("answers unknown routes with a v2-style 404", async () => {
    const f = await start();
    for (const path of ["/1.1/orchestrations/list", "/2.10/orchestrations/view", "/nope"]) {
      const res = await call(f, path, v2Headers());
      expect(res).toMatchObject({ status: 404, body: { error_code: "NOT_FOUND" } });
    }
    expect(f.requests.map((r) => r.route)).toEqual(["unknown", "unknown", "unknown"]);
  });
});

describe("orchestrations list: parameters", () => {
  it("defaults limit to 10 and caps it at 100", async () => {
    const f = await start({ orchestrations: makeOrchestrations(300, () => ({ status: "running" })) });
    expect((await listOrch(f)).body.count).toBe(10);
    const full = await listOrch(f, { limit: 100 });
    expect(full.body).toMatchObject({ count: 100, has_more: true });
    expect(full.body.orchestrations).toHaveLength(100);
    const error = { error_message: "limit must be between 1 and 100", error_code: "MALFORMED_PARAMETER" };
    for (const limit of ["101", "0", "-1", "abc", "1.5", ""]) {
      expect(await listOrch(f, { limit })).toMatchObject({ status: 400, body: error });
    }
  });

  it("rejects unknown filter values and unknown cursors", async () => {
    const f = await start({ orchestrations: makeOrchestrations(30) });
    const bad: Query[] = [{ status: "live" }, { type: "onetime" }, { channels: "fax" }, { status: "running,draft" }];
    for (const query of bad) {
      expect(await listOrch(f, query)).toMatchObject({ status: 400, body: { error_code: "MALFORMED_PARAMETER" } });
    }
    for (const from of ["garbage", "", Buffer.from("idx:3:abc").toString("base64")]) {
      expect((await listOrch(f, { from })).status).toBe(400);
    }
  });

  it("binds cursors to their project", async () => {
    const f = await start({ orchestrations: makeOrchestrations(40), projects: { p2: makeOrchestrations(40) } });
    const first = await listOrch(f, { limit: 2 });
    const cursor = String(first.body.next_from);
    expect((await listOrch(f, { from: cursor, limit: 2 })).status).toBe(200);
    expect((await listOrch(f, { from: cursor, limit: 2 }, v2Headers({ "x-batch-project": "p2" }))).status).toBe(400);
  });

  it("filters by status (default running+completed), type and channels", async () => {
    const items = [
      makeOrchestration(0, { type: "onetime", status: "running", channels: ["email"] }),
      makeOrchestration(1, { type: "trigger", status: "draft", channels: ["push"] }),
      makeOrchestration(2, { type: "trigger", status: "completed", channels: ["in_app"] }),
      makeOrchestration(3, { type: "recurring", status: "stopped", channels: ["sms"] }),
    ];
    const f = await start({ orchestrations: items });
    expect(ids((await listOrch(f)).body.orchestrations)).toEqual([items[0]?.id, items[2]?.id]);
    const all = { status: ["draft", "running", "completed", "stopped"] };
    expect(ids((await listOrch(f, { ...all, type: "campaign" })).body.orchestrations)).toEqual([items[0]?.id]);
    expect(ids((await listOrch(f, { ...all, channels: "in-app" })).body.orchestrations)).toEqual([items[2]?.id]);
    expect(ids((await listOrch(f, { ...all, channels: "in_app" })).body.orchestrations)).toEqual([items[2]?.id]);
    const mixed = await listOrch(f, { status: ["draft", "stopped"], type: ["trigger", "recurring"], channels: ["push", "sms"] });
    expect(ids(mixed.body.orchestrations)).toEqual([items[1]?.id, items[3]?.id]);
  });

  it("pages 250 items with filters: every match once, in order, with opaque stable cursors", async () => {
    const items = makeOrchestrations(250);
    const f = await start({ orchestrations: items });
    const query = { status: ["running", "draft"], type: ["campaign", "trigger"], channels: "push", limit: 7 };
    const expected = items
      .filter((o) => ["running", "draft"].includes(String(o.status)))
      .filter((o) => ["campaign", "trigger"].includes(String(o.type)))
      .filter((o) => (o.channels as string[]).includes("push"))
      .map((o) => o.id);
    expect(expected.length).toBeGreaterThan(20);

    const seen: unknown[] = [];
    let from: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await listOrch(f, { ...query, ...(from !== undefined && { from }) });
      expect(res.status).toBe(200);
      const body = res.body;
      expect(body.count).toBe((body.orchestrations as unknown[]).length);
      expect((body.orchestrations as unknown[]).length).toBeLessThanOrEqual(7);
      seen.push(...ids(body.orchestrations));
      if (!body.has_more) {
        expect(body).not.toHaveProperty("next_from");
        break;
      }
      const next = String(body.next_from);
      expect(next).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(next).not.toMatch(/^\d+$/);
      // Stable: asking again with the same cursor gives the same page.
      const once = await listOrch(f, { ...query, from: next });
      expect((await listOrch(f, { ...query, from: next })).text).toBe(once.text);
      from = next;
    }
    expect(seen).toEqual(expected);
  });
});

describe("in-app campaigns", () => {
  it("requires X-Authorization and the API key in the path", async () => {
    const f = await start({ inappCampaigns: makeInappCampaigns(3) });
    expect(await listInapp(f, {}, {})).toMatchObject({ status: 401, body: { code: 10, message: "Authentication invalid" } });
    expect(await listInapp(f, {}, { "x-authorization": "nope" })).toMatchObject({ status: 401, body: { code: 10 } });
    const wrongKey = await call(f, "/1.1/other-key/in-app-campaigns/list", v1Headers());
    expect(wrongKey).toMatchObject({ status: 404, body: { code: 20, message: "Route not found" } });
    // The v2 bearer header is not accepted on v1.1.
    expect((await listInapp(f, {}, { authorization: `Bearer ${REST}` })).status).toBe(401);
  });

  it("pages by offset, newest first, filters before paging", async () => {
    const campaigns = makeInappCampaigns(23);
    const f = await start({ inappCampaigns: campaigns });
    const first = await listInapp(f);
    expect(first.status).toBe(200);
    expect(Array.isArray(first.body)).toBe(true);
    expect(first.body).toHaveLength(10);
    const tokens: unknown[] = [];
    for (let from = 0; ; from += 5) {
      const page = (await listInapp(f, { from, limit: 5 })).body as Json[];
      tokens.push(...page.map((c) => c.campaign_token));
      if (page.length < 5) break;
    }
    expect(tokens).toEqual(campaigns.map((c) => c.campaign_token));

    const wanted = campaigns.filter((c) => c.live === true && c.from_api === false);
    const filtered = (await listInapp(f, { live: true, from_api: false, from: 1, limit: 3 })).body as Json[];
    expect(filtered.map((c) => c.campaign_token)).toEqual(wanted.slice(1, 4).map((c) => c.campaign_token));
    expect(((await listInapp(f, { live: false })).body as Json[]).every((c) => c.live === false)).toBe(true);
  });

  it("rejects malformed parameters with code 31", async () => {
    const f = await start({ inappCampaigns: makeInappCampaigns(3) });
    const cases: [Query, string][] = [
      [{ from: -1 }, "from"],
      [{ from: "1.5" }, "from"],
      [{ limit: 0 }, "limit"],
      [{ limit: 101 }, "limit"],
      [{ live: "yes" }, "live"],
      [{ from_api: "1" }, "from_api"],
    ];
    for (const [query, name] of cases) {
      expect(await listInapp(f, query)).toMatchObject({ status: 400, body: { code: 31, message: `Malformed parameter: ${name}` } });
    }
  });

  it("gets one campaign by token, with the detail-only fields the list omits", async () => {
    const campaign = makeInappCampaign(4, { landing: { theme: "demo" }, targeting: { segments: [] } });
    const f = await start({ inappCampaigns: [makeInappCampaign(3), campaign] });
    const listed = ((await listInapp(f)).body as Json[])[1];
    expect(listed).not.toHaveProperty("landing");
    const got = await call(f, `/1.1/${API}/in-app-campaigns/${String(campaign.campaign_token)}`, v1Headers());
    expect(got).toMatchObject({ status: 200, body: campaign });
    const missing = await call(f, `/1.1/${API}/in-app-campaigns/ffffffffffffffffffffffffffffffff`, v1Headers());
    expect(missing).toMatchObject({ status: 404, body: { code: 20, message: "Campaign not found" } });
    expect((await call(f, `/1.1/${API}/in-app-campaigns/x`, {})).status).toBe(401);
    expect(f.requests.map((r) => r.route)).toEqual(["inapp-list", "inapp-get", "inapp-get", "inapp-get"]);
  });
});

describe("orchestration stats", () => {
  const id = "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q";
  const body = makeStats(id, { days: 10, start: "2025-06-01", versions: true, platforms: true });
  const options = { today: "2025-07-15", stats: { [id]: body }, orchestrations: [makeOrchestration(1)] };

  it("filters details to [from, to] and drops platform entries unless asked", async () => {
    const f = await start(options);
    const res = await stats(f, { orchestration_id: id, from: "2025-06-03", to: "2025-06-05" });
    expect(res.status).toBe(200);
    const details = res.body.details as Json[];
    expect(details.map((d) => d.date)).toEqual(["2025-06-03", "2025-06-04", "2025-06-05"]);
    expect(details.every((d) => !("platform" in d))).toBe(true);
    const withPlatforms = await stats(f, { orchestration_id: id, from: "2025-06-03", to: "2025-06-05", include_platforms: true });
    const all = withPlatforms.body.details as Json[];
    expect(all).toHaveLength(12);
    expect(all.filter((d) => d.platform !== undefined).map((d) => d.platform)).toEqual(
      ["ios", "android", "web", "ios", "android", "web", "ios", "android", "web"],
    );
  });

  it("validates its parameters", async () => {
    const f = await start(options);
    const ok = { orchestration_id: id, from: "2025-06-01", to: "2025-06-30" };
    const malformedCases: Query[] = [
      { from: ok.from, to: ok.to },
      { orchestration_id: id, to: ok.to },
      { orchestration_id: id, from: ok.from },
      { ...ok, from: "2025-6-3" },
      { ...ok, to: "2025-02-30" },
      { ...ok, from: "2025-01-14" }, // one day before the 6-month window
      { ...ok, from: "2025-07-01", to: "2025-06-30" },
    ];
    for (const query of malformedCases) {
      expect(await stats(f, query)).toMatchObject({ status: 400, body: { error_code: "MALFORMED_PARAMETER" } });
    }
    expect((await stats(f, { ...ok, from: "2025-01-15" })).status).toBe(200);
    const unknown = await stats(f, { ...ok, orchestration_id: "orchestration_unknown" });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error_message: "Unknown orchestration_id", error_code: "INVALID_ORCHESTRATION_ID" },
    });
    expect((await stats(f, ok, { "x-batch-project": PROJECT })).status).toBe(401);
  });

  it("answers empty details for a listed orchestration without stats, and follows setStats", async () => {
    const f = await start(options);
    const listedId = String(options.orchestrations[0]?.id);
    const query = { orchestration_id: listedId, from: "2025-06-01", to: "2025-06-02" };
    expect((await stats(f, query)).body).toEqual({ id: listedId, details: [] });
    f.setStats(listedId, makeStats(listedId, { days: 3 }));
    expect((await stats(f, query)).body.details).toHaveLength(2);
  });

  it("computes the 6-month bound by calendar months", () => {
    expect(sixMonthsBefore("2025-07-15")).toBe("2025-01-15");
    expect(sixMonthsBefore("2025-08-31")).toBe("2025-02-28");
    expect(sixMonthsBefore("2025-03-10")).toBe("2024-09-10");
  });
});

describe("faults", () => {
  const data = () => ({
    orchestrations: makeOrchestrations(60, () => ({ status: "running" })),
    inappCampaigns: makeInappCampaigns(30),
  });

  it("status: default Batch error bodies per API generation, custom headers and HTML bodies", async () => {
    const f = await start(data());
    f.script(
      { route: "orchestrations", fault: { kind: "status", status: 429, headers: { "retry-after": "2" } } },
      { route: "inapp-list", fault: { kind: "status", status: 503 } },
      { route: "orchestrations", fault: { kind: "status", status: 502, body: "<html><body>Bad Gateway</body></html>" } },
      { route: "inapp-list", fault: { kind: "status", status: 401, body: { code: 99, message: "custom" } } },
    );
    const limited = await listOrch(f);
    expect(limited).toMatchObject({ status: 429, body: { error_code: "TOO_MANY_REQUESTS" } });
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(await listInapp(f)).toMatchObject({ status: 503, body: { code: 2 } });
    const html = await listOrch(f);
    expect(html.status).toBe(502);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.text).toBe("<html><body>Bad Gateway</body></html>");
    expect(await listInapp(f)).toMatchObject({ status: 401, body: { code: 99, message: "custom" } });
    expect((await listOrch(f)).status).toBe(200);
  });

  it("query: a fault can target one page by its parameters, whatever the arrival order", async () => {
    const f = await start(data());
    f.script({ route: "inapp-list", query: { from: "10" }, fault: { kind: "status", status: 500 } });
    expect((await listInapp(f, { from: "0", limit: "10" })).status).toBe(200);
    expect((await listInapp(f, { from: "20", limit: "10" })).status).toBe(200);
    expect(await listInapp(f, { from: "10", limit: "10" })).toMatchObject({ status: 500, body: { code: 0 } });
    expect((await listInapp(f, { from: "10", limit: "10" })).status).toBe(200);
  });

  it("delay: answers normally after the delay", async () => {
    const f = await start(data());
    f.script({ fault: { kind: "delay", ms: 120 } });
    const t0 = performance.now();
    const res = await listOrch(f);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
    expect(res).toMatchObject({ status: 200, body: { count: 10 } });
  });

  it("hang: never answers", async () => {
    const f = await start(data());
    f.script({ fault: { kind: "hang" } });
    await expect(fetch(`${f.url}/2.10/orchestrations/list`, { headers: v2Headers(), signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect((await listOrch(f)).status).toBe(200);
  });

  it("reset: the connection drops without a response", async () => {
    const f = await start(data());
    f.script({ fault: { kind: "reset" } });
    await expect(fetch(`${f.url}/2.10/orchestrations/list`, { headers: v2Headers() })).rejects.toThrow();
    expect((await listOrch(f)).status).toBe(200);
    expect(f.requests).toHaveLength(2);
  });

  it("non-json: 200 with an HTML page", async () => {
    const f = await start(data());
    f.script({ fault: { kind: "non-json" } });
    const res = await listInapp(f);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.body).toBeUndefined();
  });

  it("truncated: 200 JSON cut in the middle", async () => {
    const f = await start(data());
    f.script({ fault: { kind: "truncated" } });
    const cut = await listOrch(f);
    const whole = await listOrch(f);
    expect(cut.status).toBe(200);
    expect(cut.headers.get("content-type")).toContain("application/json");
    expect(cut.body).toBeUndefined();
    expect(cut.text.length).toBeGreaterThan(0);
    expect(cut.text.length).toBeLessThan(whole.text.length);
    expect(whole.text.startsWith(cut.text)).toBe(true);
  });

  it("wrong-shape: 200 with an unrelated object", async () => {
    const f = await start(data());
    f.script({ route: "orchestrations", fault: { kind: "wrong-shape" } }, { route: "inapp-list", fault: { kind: "wrong-shape" } });
    expect(await listOrch(f)).toMatchObject({ status: 200, body: { foo: 1 } });
    expect(await listInapp(f)).toMatchObject({ status: 200, body: { foo: 1 } });
  });

  it("repeat-cursor: next_from does not advance", async () => {
    const f = await start(data());
    const first = await listOrch(f, { limit: 5 });
    const cursor = String(first.body.next_from);
    f.script({ fault: { kind: "repeat-cursor" } }, { fault: { kind: "repeat-cursor" } });
    expect((await listOrch(f, { limit: 5, from: cursor })).body).toMatchObject({ has_more: true, next_from: cursor });
    // Without `from`, the cursor handed back leads to the first page again.
    const again = await listOrch(f, { limit: 5 });
    const replay = await listOrch(f, { limit: 5, from: String(again.body.next_from) });
    expect(ids(replay.body.orchestrations)).toEqual(ids(first.body.orchestrations));
  });

  it("has-more-no-next: has_more without a cursor", async () => {
    const f = await start(data());
    f.script({ fault: { kind: "has-more-no-next" } });
    const res = await listOrch(f, { limit: 100 });
    expect(res.body).toMatchObject({ has_more: true, count: 60 });
    expect(res.body).not.toHaveProperty("next_from");
  });

  it("oversized-page: limit + 5 items, continuing the data set", async () => {
    const d = data();
    const f = await start(d);
    f.script({ route: "orchestrations", fault: { kind: "oversized-page" } }, { route: "inapp-list", fault: { kind: "oversized-page" } });
    const page = await listOrch(f, { limit: 5 });
    expect(page.body.count).toBe(10);
    expect(ids(page.body.orchestrations)).toEqual(ids(d.orchestrations.slice(0, 10)));
    const next = await listOrch(f, { limit: 5, from: String(page.body.next_from) });
    expect(ids(next.body.orchestrations)).toEqual(ids(d.orchestrations.slice(10, 15)));
    expect((await listInapp(f, { from: 2, limit: 5 })).body).toHaveLength(10);
  });

  it("nth, times and route select which requests get a fault", async () => {
    const f = await start(data());
    f.script({ route: "inapp-list", nth: 3, times: 2, fault: { kind: "status", status: 500 } });
    expect((await listOrch(f)).status).toBe(200); // other route: not counted
    expect((await listInapp(f)).status).toBe(200);
    expect((await listInapp(f)).status).toBe(200);
    expect(await listInapp(f)).toMatchObject({ status: 500, body: { code: 0 } });
    expect((await listInapp(f)).status).toBe(500);
    expect((await listInapp(f)).status).toBe(200);
  });

  it("faults due on the same request queue up in script order", async () => {
    const f = await start(data());
    f.script({ fault: { kind: "status", status: 500 } }, { fault: { kind: "status", status: 503 } });
    expect(await listOrch(f)).toMatchObject({ status: 500, body: { error_code: "SERVER_ERROR" } });
    expect(await listInapp(f)).toMatchObject({ status: 503, body: { code: 2 } });
    expect((await listOrch(f)).status).toBe(200);
    expect(() => f.script({ nth: 0, fault: { kind: "hang" } })).toThrow(RangeError);
    expect(() => f.script({ times: 1.5, fault: { kind: "hang" } })).toThrow(RangeError);
  });
});

describe("recording and concurrency", () => {
  it("records route, path without query, query and auth headers", async () => {
    const f = await start(data3());
    await listOrch(f, { limit: 2, status: ["running", "draft"] });
    await listInapp(f, { live: true });
    const [orch, inapp] = f.requests;
    expect(orch).toMatchObject({
      route: "orchestrations",
      method: "GET",
      path: "/2.10/orchestrations/list",
      query: { limit: ["2"], status: ["running", "draft"] },
    });
    expect(orch?.headers.authorization).toBe(`Bearer ${REST}`);
    expect(orch?.headers["x-batch-project"]).toBe(PROJECT);
    expect(inapp).toMatchObject({ route: "inapp-list", path: `/1.1/${API}/in-app-campaigns/list`, query: { live: ["true"] } });
    expect(inapp?.headers["x-authorization"]).toBe(REST);
    expect(inapp?.endedAt).toBeGreaterThanOrEqual(inapp?.startedAt ?? Infinity);
  });

  it("applies latency to every response and tracks the concurrency peak", async () => {
    const f = await start({ ...data3(), latencyMs: 60 });
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => listOrch(f)));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
    expect(f.maxConcurrent).toBe(5);
    for (const r of f.requests) expect((r.endedAt ?? 0) - r.startedAt).toBeGreaterThanOrEqual(55);

    f.clearRequests();
    expect(f.requests).toHaveLength(0);
    expect(f.maxConcurrent).toBe(0);
    f.setLatency(0);
    await listOrch(f);
    await listInapp(f, {}, {}); // errors are delayed and recorded too
    expect(f.maxConcurrent).toBe(1);
    expect(f.requests).toHaveLength(2);
  });

  function data3() {
    return { orchestrations: makeOrchestrations(3), inappCampaigns: makeInappCampaigns(3) };
  }
});

describe("close", () => {
  it("does not hang with a hanging request or keep-alive sockets open", async () => {
    const f = await startFakeBatch({ orchestrations: makeOrchestrations(3) });
    await listOrch(f); // leaves a keep-alive socket
    f.script({ fault: { kind: "hang" } });
    const pending = fetch(`${f.url}/2.10/orchestrations/list`, { headers: v2Headers() });
    const settled = pending.then(() => "answered", () => "failed");
    await new Promise((r) => setTimeout(r, 50));
    expect(f.requests).toHaveLength(2);
    expect(f.requests[1]?.endedAt).toBeUndefined();
    const t0 = performance.now();
    await f.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(await settled).toBe("failed");
    await f.close(); // idempotent
  });

  it("cancels pending latency", async () => {
    const f = await startFakeBatch({ latencyMs: 10_000 });
    const settled = fetch(`${f.url}/2.10/orchestrations/list`, { headers: v2Headers() }).then(() => "answered", () => "failed");
    await new Promise((r) => setTimeout(r, 30));
    await f.close();
    expect(await settled).toBe("failed");
  });
});

describe("factories", () => {
  it("makes deterministic, documented-looking orchestrations", () => {
    const items = makeOrchestrations(500);
    expect(makeOrchestrations(500)).toEqual(items);
    expect(new Set(items.map((o) => o.id)).size).toBe(500);
    for (const o of items) expect(o.id).toMatch(/^orchestration_[a-z0-9]{32}$/);
    const dates = items.map((o) => String(o.created_date));
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(items.slice(0, 4).map((o) => o.type)).toEqual(["campaign", "recurring", "trigger", "warmup"]);
    expect(new Set(items.slice(0, 16).map((o) => `${String(o.type)}/${String(o.status)}`)).size).toBe(16);
    const recurring = items.find((o) => o.type === "recurring");
    expect(recurring?.recurrence).toMatchObject({ repeat_unit: "WEEKLY", repeat_frequency: 1 });
    for (const t of items.filter((o) => o.type === "trigger")) {
      expect(t.message_steps).toHaveLength(Number(t.nbr_message_steps));
      expect(Number(t.nbr_steps)).toBeGreaterThanOrEqual(Number(t.nbr_message_steps));
    }
    expect(makeOrchestration(3, { name: "x" }).name).toBe("x");
    expect(makeOrchestrations(2, (i) => ({ status: `s${i}` })).map((o) => o.status)).toEqual(["s0", "s1"]);
  });

  it("makes unique in-app campaigns, newest first", () => {
    const campaigns = makeInappCampaigns(200);
    expect(new Set(campaigns.map((c) => c.campaign_token)).size).toBe(200);
    for (const c of campaigns) expect(c.campaign_token).toMatch(/^[0-9a-f]{32}$/);
    const dates = campaigns.map((c) => String(c.created_date));
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(campaigns.some((c) => "query" in c)).toBe(true);
    expect(campaigns.some((c) => "end_date" in c)).toBe(true);
  });

  it("makes consistent stats: totals equal the sum of versions and of platforms", () => {
    const body = makeStats("orchestration_x", { days: 3, start: "2025-06-01", versions: true, platforms: true });
    expect(makeStats("orchestration_x", { days: 3, start: "2025-06-01", versions: true, platforms: true })).toEqual(body);
    const details = body.details as Json[];
    expect(details).toHaveLength(12);
    const totals = details.filter((d) => d.platform === undefined);
    for (const total of totals) {
      const perPlatform = details.filter((d) => d.platform !== undefined && d.date === total.date);
      const versions = total.versions as Json[];
      for (const metric of STAT_METRICS) {
        expect(perPlatform.reduce((s, d) => s + Number(d[metric]), 0)).toBe(total[metric]);
        expect(versions.reduce((s, v) => s + Number(v[metric]), 0)).toBe(total[metric]);
      }
    }
    for (const d of details) {
      for (const m of [d, ...((d.versions as Json[] | undefined) ?? [])]) {
        const n = (k: string) => Number(m[k]);
        expect(n("delivered")).toBeLessThanOrEqual(n("sent"));
        expect(n("unique_open")).toBeLessThanOrEqual(n("delivered"));
        expect(n("unique_open")).toBeLessThanOrEqual(n("total_open"));
        expect(n("unique_machine_open")).toBeLessThanOrEqual(n("unique_open"));
        expect(n("unique_click")).toBeLessThanOrEqual(n("total_click"));
      }
    }
    expect(makeStats("y").details).toHaveLength(7);
  });

  it("makes trigger-like stats whose entries are the sum of their steps, with extra metrics kept", () => {
    const body = makeStats("orchestration_t", { days: 2, steps: 3, extraMetrics: ["unique_conversion"] });
    for (const entry of body.details as Json[]) {
      const steps = entry.steps as Json[];
      expect(steps.map((s) => s.step_id)).toEqual(["step_1", "step_2", "step_3"]);
      for (const metric of [...STAT_METRICS, "unique_conversion"]) {
        expect(steps.reduce((sum, s) => sum + Number(s[metric]), 0)).toBe(entry[metric]);
      }
    }
    // Without steps or extras, the figures are the same as before those options existed.
    expect(makeStats("y", { steps: 0, extraMetrics: [] })).toEqual(makeStats("y"));
  });
});
