// Short handles end to end: text names items by the shortest unique prefix of their id,
// and every argument, resource URI and completion that takes an id takes a handle too,
// even on a fresh server that has listed nothing (it then searches Batch's list).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProtocolError } from "@modelcontextprotocol/server";
import { makeInappCampaigns, makeOrchestration, makeOrchestrations, makeStats } from "../fake-batch/factories.js";
import { isResourceNotFound, startSession, structuredOf, textOf, type Session } from "./harness.js";

const O = "orchestration_";
// Two ids sharing their first 12 random characters, and a third unlike them.
const TWIN_A = `${O}twinsharedab0aaaaaaaaaaaaaaaaaaa`;
const TWIN_B = `${O}twinsharedab1bbbbbbbbbbbbbbbbbbb`;
const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

interface Listed {
  orchestrations: Array<{ id: string; handle: string; name: string; uri: string }>;
}

async function readError(s: Session, uri: string): Promise<ProtocolError> {
  try {
    await s.client.readResource({ uri });
  } catch (error) {
    return error as ProtocolError;
  }
  throw new Error(`reading ${uri} did not fail`);
}

describe("handles", () => {
  const orchestrations = [
    ...makeOrchestrations(150),
    makeOrchestration(150, { id: TWIN_A, name: "Twin A", status: "running" }),
    makeOrchestration(151, { id: TWIN_B, name: "Twin B", status: "running" }),
  ];
  const target = orchestrations[120] as { id: string; name: string };
  const inapp = makeInappCampaigns(250);
  const campaign = inapp[230] as { campaign_token: string; name: string };
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, inappCampaigns: inapp, stats: { [target.id]: makeStats(target.id, { days: 5, start: days(6) }) } } });
  });
  afterAll(() => s.close());

  it("get_orchestration_stats resolves a handle on a fresh server by paging the list, and names it by handle", async () => {
    const handle = target.id.slice(O.length, O.length + 8);
    const result = await s.call("get_orchestration_stats", { orchestration_id: handle });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(structuredOf<{ orchestration_id: string; name: string }>(result)).toMatchObject({ orchestration_id: target.id, name: target.name });
    expect(textOf(result)).toContain(`"${target.name}" (${handle})`);
    expect(textOf(result)).not.toContain(target.id);
    const stats = s.fake.requests.filter((r) => r.route === "stats");
    expect(stats.map((r) => r.query.orchestration_id?.[0])).toEqual([target.id]);
    // The search pages every status and type until the handle turns up: 2 pages of 100 here.
    expect(s.fake.requests.filter((r) => r.route === "orchestrations")).toHaveLength(2);
  });

  it("a resource read resolves a handle on a fresh server, and a handle with the id prefix typed in front", async () => {
    const fresh = await startSession({ fake: { orchestrations } });
    try {
      const handle = target.id.slice(O.length, O.length + 9);
      const read = await fresh.client.readResource({ uri: `batch://orchestrations/${handle}` });
      const body = JSON.parse(String(read.contents[0] && "text" in read.contents[0] ? read.contents[0].text : "")) as { source: string; item: { id: string } };
      expect(body).toMatchObject({ source: "batch", item: { id: target.id } });
      expect(read.contents[0]?.uri).toBe(`batch://orchestrations/${target.id}`);
      const again = await fresh.client.readResource({ uri: `batch://orchestrations/${handle}` });
      expect(again.contents[0] && "text" in again.contents[0] ? again.contents[0].text : "").toContain('"source": "cache"');
    } finally {
      await fresh.close();
    }
  });

  it("the stats resource takes a handle too", async () => {
    const handle = target.id.slice(O.length, O.length + 8);
    const read = await s.client.readResource({ uri: `batch://orchestrations/${handle}/stats` });
    const body = JSON.parse(String(read.contents[0] && "text" in read.contents[0] ? read.contents[0].text : "")) as { orchestration_id: string };
    expect(body.orchestration_id).toBe(target.id);
  });

  it("an in-app handle is found by listing (the GET needs the whole token)", async () => {
    const handle = campaign.campaign_token.slice(0, 8);
    const read = await s.client.readResource({ uri: `batch://inapp-campaigns/${handle}` });
    expect(read.contents[0]?.uri).toBe(`batch://inapp-campaigns/${campaign.campaign_token}`);
    expect(s.fake.requests.some((r) => r.route === "inapp-list")).toBe(true);
    expect(s.fake.requests.some((r) => r.route === "inapp-get")).toBe(false);
  });

  it("shows ids sharing 12 characters with handles long enough to tell them apart", async () => {
    const result = await s.call("list_orchestrations", { name_contains: "twin" });
    const page = structuredOf<Listed>(result);
    expect(page.orchestrations.map((o) => o.handle)).toEqual(["twinsharedab0", "twinsharedab1"]);
    expect(textOf(result)).toContain('- twinsharedab0 "Twin A"');
    expect(textOf(result)).toContain('- twinsharedab1 "Twin B"');
    for (const o of page.orchestrations) expect(o.id).toMatch(/^orchestration_twinsharedab[01]/);
  });

  it("refuses a handle matching several items, naming each with a longer handle and its name", async () => {
    const result = await s.call("get_orchestration_stats", { orchestration_id: "twinshar" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      '"twinshar" matches several orchestrations: twinsharedab0 "Twin A", twinsharedab1 "Twin B". Pass one of these longer handles, or the full id.',
    );
    const error = await readError(s, "batch://orchestrations/twinshar");
    expect(error.code).toBe(-32602);
    expect(error.message).toContain('twinsharedab0 "Twin A", twinsharedab1 "Twin B"');
  });

  it("says a handle names nothing when the search finds nothing, and the server keeps serving", async () => {
    const result = await s.call("get_orchestration_stats", { orchestration_id: "zzzzzzzz" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^No orchestration has an id starting with "zzzzzzzz"/);
    expect(isResourceNotFound(await readError(s, "batch://orchestrations/zzzzzzzz"))).toBe(true);
    const tooShort = await readError(s, "batch://orchestrations/zz");
    expect(tooShort.code).toBe(-32602);
    expect(isResourceNotFound(tooShort)).toBe(false);
    expect(structuredOf<Listed>(await s.call("list_orchestrations", { max_results: 1 })).orchestrations).toHaveLength(1);
  });

  it("completes URI variables from a handle prefix as well as from a full id", async () => {
    const { completion } = await s.client.complete({
      ref: { type: "ref/resource", uri: "batch://orchestrations/{id}" },
      argument: { name: "id", value: "twinsharedab1" },
    });
    expect(completion.values).toEqual([TWIN_B]);
    const byId = await s.client.complete({ ref: { type: "ref/resource", uri: "batch://orchestrations/{id}" }, argument: { name: "id", value: `${O}twinsharedab0` } });
    expect(byId.completion.values).toEqual([TWIN_A]);
  });
});
