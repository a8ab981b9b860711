// get_orchestration_stats end to end: the built server over stdio, against the fake Batch.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENTED_STATS, makeOrchestration, makeStats } from "../fake-batch/factories.js";
import { expectNoSecrets, isResourceNotFound, PROJECT_KEY, REST_KEY, startSession, structuredOf, textOf, type Session } from "./harness.js";

const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2025-03-01" -> "1 Mar 2025", as the text prints days. */
const printed = (day: string) => `${Number(day.slice(8))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

const AB = "orchestration_ab";
const TRIGGER = "orchestration_trigger";
const ZERO = "orchestration_zero";
const SMALL_AB = DOCUMENTED_STATS.id;

interface Rate {
  value: number | null;
  percent: string;
  definition: string;
}
interface Report {
  orchestration_id: string;
  range: { from: string; to: string; days: number; requested_from?: string };
  group_by: string;
  has_figures: boolean;
  totals: Record<string, number>;
  rates: Record<string, Rate>;
  ab?: { enough_sends: boolean; versions: Array<{ version: string }>; by_rate: Array<{ rate: string; leader?: string; significant: boolean }> };
  platforms?: Array<{ platform: string; totals: Record<string, number> }>;
  steps?: Array<{ step_id?: string; totals: Record<string, number> }>;
  days?: Array<{ date: string; totals: Record<string, number> }>;
  notes?: string[];
  warnings?: string[];
}

const report = (result: { structuredContent?: unknown; isError?: boolean }) => structuredOf<Report>(result);

const statsRequests = (s: Session) => s.fake.requests.filter((r) => r.route === "stats");

describe("get_orchestration_stats", () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession({
      fake: {
        orchestrations: [makeOrchestration(0)],
        stats: {
          [AB]: makeStats(AB, { days: 20, start: daysAgo(25), versions: true, platforms: true }),
          [TRIGGER]: makeStats(TRIGGER, { days: 5, start: daysAgo(6), steps: 3, extraMetrics: ["unique_conversion"] }),
          [ZERO]: { id: ZERO, details: [{ date: daysAgo(1), sent: 0, delivered: 0, unique_open: 0, unique_click: 0, total_bounce: 0, unsubscribe: 0 }] },
          [SMALL_AB]: { ...DOCUMENTED_STATS, details: DOCUMENTED_STATS.details.map((d) => ({ ...d, date: daysAgo(2) })) },
        },
      },
    });
    // The client checks structuredContent against the output schemas it lists.
    await s.client.listTools();
  });
  afterAll(() => s.close());

  it("is listed with described inputs, an output schema and read-only annotations", async () => {
    const { tools } = await s.client.listTools();
    const tool = tools.find((t) => t.name === "get_orchestration_stats");
    expect(tool?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true, title: expect.any(String) });
    expect(tool?.outputSchema?.properties).toHaveProperty("rates");
    expect(tool?.inputSchema.required).toEqual(["orchestration_id"]);
    const props = tool?.inputSchema.properties as Record<string, { description?: string }>;
    for (const name of ["orchestration_id", "from", "to", "group_by", "project_key"]) expect(props[name]?.description, name).toBeTruthy();
  });

  it("defaults to the last 30 days ending today and sends one authenticated request", async () => {
    s.fake.clearRequests();
    const r = report(await s.call("get_orchestration_stats", { orchestration_id: AB }));
    expect(r.range).toEqual({ from: daysAgo(29), to: daysAgo(0), days: 30 });
    const [request, ...more] = statsRequests(s);
    expect(more).toHaveLength(0);
    expect(request?.query).toEqual({ orchestration_id: [AB], from: [daysAgo(29)], to: [daysAgo(0)] });
    expect(request?.headers.authorization).toBe(`Bearer ${REST_KEY}`);
    expect(request?.headers["x-batch-project"]).toBe(PROJECT_KEY);
  });

  it("reports totals, rates with definitions and an A/B verdict in a short text", async () => {
    const result = await s.call("get_orchestration_stats", { orchestration_id: AB });
    const r = report(result);
    const text = textOf(result);
    const lines = text.split("\n");
    // Named by its handle: the whole random part here, "ab" being shorter than a handle's usual 8 characters.
    expect(lines[0]).toBe(`Stats of orchestration ab, ${printed(daysAgo(29))} to ${printed(daysAgo(0))} (30 days).`);
    expect(lines[1]).toMatch(/^Totals: sent [\d,]+ · delivered [\d,]+ · unique_open /);
    expect(lines[2]).toMatch(/^Rates: delivery \d+\.\d% · bounce \d+\.\d% \(of sent\); open \d+\.\d% · click \d+\.\d% .*\(of delivered\); click-to-open \d+\.\d% \(of unique_open\)$/);
    // 20 days of two versions: enough sends for a verdict, whatever it is.
    expect(r.ab?.enough_sends).toBe(true);
    expect(lines[3]).toMatch(/^A\/B \(a, b\): .*\(two-proportion z-test, 95%\)\.$/);
    for (const leader of r.ab?.by_rate.filter((b) => b.leader) ?? []) expect(text).toContain(`${leader.leader} leads on`);
    expect(r.rates.open_rate?.definition).toBe("unique_open / delivered");
    expect(r.rates.open_rate?.value).toBeCloseTo((r.totals.unique_open ?? 0) / (r.totals.delivered ?? 1), 10);
    expect(text.length).toBeLessThan(1200);
    expect(r.days).toBeUndefined();
  });

  it("accepts the batch://orchestrations/{id} URI a listing gives", async () => {
    const viaUri = report(await s.call("get_orchestration_stats", { orchestration_id: `batch://orchestrations/${AB}` }));
    const viaId = report(await s.call("get_orchestration_stats", { orchestration_id: AB }));
    expect(viaUri).toEqual(viaId);
  });

  it("gives the daily series, each A/B version, or each platform when asked", async () => {
    const byDay = report(await s.call("get_orchestration_stats", { orchestration_id: AB, group_by: "day" }));
    expect(byDay.days?.map((d) => d.date)).toEqual(Array.from({ length: 20 }, (_, k) => daysAgo(25 - k)));
    expect(byDay.days?.reduce((n, d) => n + (d.totals.sent ?? 0), 0)).toBe(byDay.totals.sent);

    const byVersion = await s.call("get_orchestration_stats", { orchestration_id: AB, group_by: "version" });
    expect(textOf(byVersion)).toMatch(/\nA\/B versions:\n- a: sent [\d,]+ · delivered [\d,]+ · delivery [\d.]+% .*\n- b: /);

    s.fake.clearRequests();
    const byPlatform = await s.call("get_orchestration_stats", { orchestration_id: AB, group_by: "platform" });
    expect(statsRequests(s)[0]?.query.include_platforms).toEqual(["true"]);
    const platforms = report(byPlatform).platforms ?? [];
    expect(platforms.map((p) => p.platform)).toEqual(["ios", "android", "web"]);
    expect(platforms.reduce((n, p) => n + (p.totals.sent ?? 0), 0)).toBe(report(byPlatform).totals.sent);
    expect(textOf(byPlatform)).toMatch(/\nBy platform:\n- ios: .*\n- android: .*\n- web: /);
  });

  it("says there is no A/B verdict when the versions have too few sends", async () => {
    const result = await s.call("get_orchestration_stats", { orchestration_id: SMALL_AB });
    expect(textOf(result)).toContain("A/B (a, b): no verdict, too few sends: delivered a 465, b 382; each version needs at least 1,000");
    expect(report(result).ab?.by_rate.some((b) => b.leader)).toBe(false);
  });

  it("moves a from older than 6 months to Batch's limit and says so", async () => {
    s.fake.clearRequests();
    const result = await s.call("get_orchestration_stats", { orchestration_id: AB, from: "2020-01-01" });
    const r = report(result);
    expect(r.range.requested_from).toBe("2020-01-01");
    expect(r.range.from > "2020-01-01").toBe(true);
    // The fake refuses a from earlier than 6 months ago, so this request passing proves the clamp.
    expect(statsRequests(s)[0]?.query.from).toEqual([r.range.from]);
    expect(textOf(result)).toContain(`Note: Batch keeps statistics for 6 months only, so from 1 Jan 2020 was moved to ${printed(r.range.from)}.`);
  });

  it("reports per step for a trigger-like answer and keeps metrics it does not know", async () => {
    const result = await s.call("get_orchestration_stats", { orchestration_id: TRIGGER });
    const r = report(result);
    expect(r.steps?.map((step) => step.step_id)).toEqual(["step_1", "step_2", "step_3"]);
    expect(r.totals.unique_conversion).toBeGreaterThanOrEqual(0);
    expect(r.steps?.reduce((n, step) => n + (step.totals.sent ?? 0), 0)).toBe(r.totals.sent);
    expect(textOf(result)).toMatch(/ · unique_conversion [\d,]+\n/);
    expect(textOf(result)).toMatch(/\nBy step \(3\):\n- step_1 "Message 1": sent /);
  });

  it("prints n/a rather than NaN or Infinity when nothing was sent", async () => {
    const result = await s.call("get_orchestration_stats", { orchestration_id: ZERO });
    expect(textOf(result)).toContain("Rates: delivery n/a · bounce n/a (of sent); open n/a · click n/a · unsubscribe n/a (of delivered)");
    expect(report(result).rates.open_rate?.value).toBeNull();
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it("says when an orchestration has no figures in the range, naming it once it was listed, with a link to it", async () => {
    const { id, name } = makeOrchestration(0) as { id: string; name: string };
    await s.call("list_orchestrations", { status: ["draft", "running", "completed", "stopped"] });
    const result = await s.call("get_orchestration_stats", { orchestration_id: id });
    expect(report(result)).toMatchObject({ has_figures: false, name });
    expect(textOf(result)).toMatch(new RegExp(`^Stats of "${name}" \\(${id.slice("orchestration_".length, "orchestration_".length + 8)}\\), .*\nNo figures: Batch returned none for this range\\.`));
    expect(result.content).toContainEqual(expect.objectContaining({ type: "resource_link", uri: `batch://orchestrations/${id}`, name: JSON.stringify(name) }));
  });

  it("names an unknown id and suggests list_orchestrations", async () => {
    const result = await s.call("get_orchestration_stats", { orchestration_id: "orchestration_nope" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Batch does not know orchestration "orchestration_nope" in this project \(HTTP 400.*call list_orchestrations to find the right one\.$/);
  });

  it("refuses impossible ranges and other URIs before asking Batch", async () => {
    s.fake.clearRequests();
    const reversed = await s.call("get_orchestration_stats", { orchestration_id: AB, from: daysAgo(1), to: daysAgo(5) });
    expect(textOf(reversed)).toBe(`The range starts after it ends: from ${daysAgo(1)}, to ${daysAgo(5)}. Pass a from on or before to.`);
    const tooOld = await s.call("get_orchestration_stats", { orchestration_id: AB, from: "2020-01-01", to: "2020-01-31" });
    expect(textOf(tooOld)).toMatch(/^Batch keeps statistics for 6 months: the range ends on 2020-01-31/);
    const wrongUri = await s.call("get_orchestration_stats", { orchestration_id: "batch://inapp-campaigns/tok" });
    expect(textOf(wrongUri)).toMatch(/is not a batch:\/\/orchestrations\/\{id\} URI/);
    const badDay = await s.call("get_orchestration_stats", { orchestration_id: AB, from: "2025-02-30" });
    expect(textOf(badDay)).toMatch(/Input validation error.*yyyy-MM-dd/);
    for (const result of [reversed, tooOld, wrongUri, badDay]) expect(result.isError).toBe(true);
    expect(statsRequests(s)).toHaveLength(0);
  });

  it("queries another project when project_key is given", async () => {
    s.fake.clearRequests();
    const result = await s.call("get_orchestration_stats", { orchestration_id: AB, project_key: "project-key-2" });
    // The fake knows no such project and refuses the key for it; the sentence points at project_key.
    expect(textOf(result)).toMatch(/project_key/);
    expect(statsRequests(s)[0]?.headers["x-batch-project"]).toBe("project-key-2");
  });
});

describe("get_orchestration_stats when Batch misbehaves", () => {
  let s: Session;
  const ID = "orchestration_ok";

  beforeAll(async () => {
    s = await startSession({ fake: { stats: { [ID]: makeStats(ID, { days: 3, start: daysAgo(3) }) } } });
  });
  afterAll(() => s.close());

  it("retries a 503 and answers", async () => {
    s.fake.script({ route: "stats", fault: { kind: "status", status: 503 } });
    const result = await s.call("get_orchestration_stats", { orchestration_id: ID });
    expect(report(result).has_figures).toBe(true);
  });

  it("names the keys to check on 401 and keeps serving", async () => {
    // A range of its own: the 503 test's answer is cached for the default one. Failures are never cached.
    const args = { orchestration_id: ID, from: daysAgo(10) };
    s.fake.script({ route: "stats", fault: { kind: "status", status: 401 } });
    const refused = await s.call("get_orchestration_stats", args);
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/HTTP 401.*BATCH_REST_API_KEY.*BATCH_PROJECT_KEY/);
    s.fake.script({ route: "stats", fault: { kind: "non-json" } });
    expect(textOf(await s.call("get_orchestration_stats", args))).toMatch(/not in the documented format/);
    expect(report(await s.call("get_orchestration_stats", args)).has_figures).toBe(true);
  });

  it("falls back to totals when Batch refuses include_platforms, and says so", async () => {
    s.fake.clearRequests();
    s.fake.script({ route: "stats", fault: { kind: "status", status: 400, body: { error_message: "Unknown parameter include_platforms", error_code: "MALFORMED_PARAMETER" } } });
    const result = await s.call("get_orchestration_stats", { orchestration_id: ID, group_by: "platform" });
    const r = report(result);
    expect(r.has_figures).toBe(true);
    expect(r.warnings?.join(" ")).toMatch(/refused include_platforms/);
    expect(statsRequests(s).map((q) => q.query.include_platforms)).toEqual([["true"], undefined]);
  });

  it("never shows a secret in any result or log line", async () => {
    const texts: string[] = [];
    s.fake.script({ route: "stats", fault: { kind: "status", status: 400, body: { error_message: `bad key ${REST_KEY}`, error_code: "X" } } });
    const echoed = await s.call("get_orchestration_stats", { orchestration_id: ID, from: daysAgo(11) });
    expect(textOf(echoed)).toContain("[redacted]");
    texts.push(JSON.stringify(echoed));
    texts.push(JSON.stringify(await s.call("get_orchestration_stats", { orchestration_id: REST_KEY })));
    texts.push(JSON.stringify(await s.call("get_orchestration_stats", { orchestration_id: `batch://orchestrations/${REST_KEY}` })));
    expectNoSecrets(...texts, s.stderr());
  });
});

describe("get_orchestration_stats without configuration", () => {
  it("names the missing variable and sends nothing", async () => {
    const s = await startSession({ env: { BATCH_PROJECT_KEY: undefined } });
    try {
      const result = await s.call("get_orchestration_stats", { orchestration_id: "orchestration_x" });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/BATCH_PROJECT_KEY is not set/);
      expect(s.fake.requests).toHaveLength(0);
    } finally {
      await s.close();
    }
  });
});

describe("batch://orchestrations/{id}/stats resource", () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ fake: { stats: { [AB]: makeStats(AB, { days: 20, start: daysAgo(25), versions: true }) } } });
  });
  afterAll(() => s.close());

  it("is offered as a template beside the orchestration itself", async () => {
    const { resourceTemplates } = await s.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(expect.arrayContaining(["batch://orchestrations/{id}", "batch://orchestrations/{id}/stats"]));
  });

  it("reads the last 30 days as the tool's JSON report, daily series included", async () => {
    s.fake.clearRequests();
    const uri = `batch://orchestrations/${AB}/stats`;
    const { contents } = await s.client.readResource({ uri });
    expect(contents[0]).toMatchObject({ uri, mimeType: "application/json" });
    const first = contents[0];
    const body = JSON.parse(first && "text" in first ? first.text : "") as Report;
    expect(body).toMatchObject({ orchestration_id: AB, group_by: "day", has_figures: true, range: { days: 30 } });
    expect(body.days).toHaveLength(20);
    expect(body.ab?.versions.map((v) => v.version)).toEqual(["a", "b"]);
    expect(statsRequests(s)).toHaveLength(1);
  });

  it("answers an id Batch does not know with resource-not-found naming it, and keeps serving", async () => {
    const read = s.client.readResource({ uri: "batch://orchestrations/orchestration_nope/stats" });
    const error = (await read.then(() => undefined, (e: unknown) => e)) as { code?: unknown; data?: unknown; message: string };
    expect(isResourceNotFound(error), JSON.stringify(error)).toBe(true);
    expect(error.message).toContain("orchestration_nope");
    const again = await s.client.readResource({ uri: `batch://orchestrations/${AB}/stats` });
    expect(again.contents).toHaveLength(1);
    expectNoSecrets(s.stderr());
  });
});
