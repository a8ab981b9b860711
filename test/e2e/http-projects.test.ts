// Remote mode with a token limited to one project: it cannot list, read, resolve or even
// learn of the other. Its refusals read word for word like those of a project that does not
// exist, and resources/list, completion and the prompt leave the other project out. A token
// that sees every project sees both. DE is the default project here, so the limited token
// also shows how a caller who may not use the default gets their own project instead.

import { createHash } from "node:crypto";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { structuredOf, textOf, type CallToolResult } from "./harness.js";
import { startHttpServer, type HttpServer } from "./http-harness.js";
import { DE_FIRST, DE_KEY, expectNoKeys, fakeWithProjects, FR_FIRST, FR_KEY, projectsEnv, STATS_RANGE, WEB_KEY, writeProjectsConfig } from "./projects-fixture.js";

const FR_TOKEN = "fr-only-token-TOPSECRET";
const ALL_TOKEN = "all-projects-token-TOPSECRET";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** What would tell the FR caller about DE: its names, ids, tokens, apps and URIs. */
const DE_TRACES = /Germany|orchestration_de|c3[0-9]|Web|projects\/DE|\bDE\b/;

describe("remote mode: a token limited to FR", () => {
  let s: HttpServer;
  let fr: Client;
  let all: Client;
  /** Everything shown to the FR caller where it named nothing of DE itself. */
  const frShown: string[] = [];

  beforeAll(async () => {
    const file = writeProjectsConfig({ defaultProject: "DE", tokens: [{ sha256: sha256(FR_TOKEN), projects: ["FR"] }] });
    s = await startHttpServer({ fake: fakeWithProjects(), env: { ...projectsEnv(file), BATCH_MCP_AUTH: "tokens", BATCH_MCP_TOKENS: ALL_TOKEN } });
    const as = (token: string) => s.connect({ requestInit: { headers: { authorization: `Bearer ${token}` } } });
    [fr, all] = await Promise.all([as(FR_TOKEN), as(ALL_TOKEN)]);
    // The unlimited caller lists and reads DE first: its cache and handles now hold DE's items.
    await all.callTool({ name: "list_orchestrations", arguments: {} });
    await all.callTool({ name: "list_inapp_campaigns", arguments: {} });
  });
  afterAll(async () => {
    await Promise.all([fr.close(), all.close()]);
    await s.close();
  });

  async function frCall(name: string, args: Record<string, unknown> = {}, record = true): Promise<CallToolResult> {
    const result = (await fr.callTool({ name, arguments: args })) as CallToolResult;
    if (record) frShown.push(JSON.stringify(result));
    return result;
  }

  /** The refusal of DE and of a name that exists nowhere, DE's replaced by the other: the same words. */
  async function sameRefusal(args: (name: string) => Record<string, unknown>, tool: string): Promise<string> {
    const de = textOf(await frCall(tool, args("DE"), false));
    const unknown = textOf(await frCall(tool, args("XX"), false));
    expect(de.replaceAll('"DE"', '"XX"')).toBe(unknown);
    return unknown;
  }

  it("sees FR alone in list_projects, as its default", async () => {
    const result = await frCall("list_projects");
    expect(textOf(result).split("\n")).toEqual([
      "1 project you can use. Calls that name no project are about FR.",
      "Pass `project` (a name below; case does not matter) to any tool, and `app` to list_inapp_campaigns for one app (without it, every app of the project is listed, merged newest first).",
      "",
      "- FR (default) · apps iOS, Android · resources batch://projects/FR/orchestrations/{id}, …/inapp-campaigns/{token}",
    ]);
    expect(structuredOf<{ default_project: string }>(result).default_project).toBe("FR");
    // A 2026-07-28 client (no handshake, every request on its own) is held to the same grant.
    const modern = await s.connect({ requestInit: { headers: { authorization: `Bearer ${FR_TOKEN}` } } }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
    const again = (await modern.callTool({ name: "list_projects", arguments: {} })) as CallToolResult;
    await modern.close();
    expect(textOf(again)).toBe(textOf(result));
    const everyone = textOf((await all.callTool({ name: "list_projects", arguments: {} })) as CallToolResult);
    expect(everyone).toContain("- DE (default) · app Web · resources batch://orchestrations/{id}");
  });

  it("lists FR, and is refused DE like a project that does not exist, by name or by key", async () => {
    s.fake.clearRequests();
    const mine = structuredOf<{ orchestrations: Array<{ uri: string }> }>(await frCall("list_orchestrations"));
    expect(mine.orchestrations).toHaveLength(3);
    expect(mine.orchestrations[0]?.uri).toMatch(/^batch:\/\/projects\/FR\/orchestrations\//);
    expect(await sameRefusal((p) => ({ project: p }), "list_orchestrations")).toBe('Unknown project "XX". Projects you can use: FR.');
    await sameRefusal((p) => ({ project: p }), "list_inapp_campaigns");
    await sameRefusal((p) => ({ project: p, orchestration_id: DE_FIRST }), "get_orchestration_stats");
    await sameRefusal((p) => ({ project: p, status: ["running"] }), "compare_orchestrations");
    const byKey = textOf(await frCall("list_orchestrations", { project_key: DE_KEY }, false));
    expect(byKey).toBe(textOf(await frCall("list_orchestrations", { project_key: "no-such-project-key" }, false)));
    expect(byKey).toBe("Unknown project_key: no project you can use has it. Projects you can use: FR.");
    // Nothing of DE was asked of Batch for this caller.
    expect(s.fake.requests.map((r) => r.headers["x-batch-project"] ?? r.path)).not.toContain(DE_KEY);
    expect(s.fake.requests.some((r) => r.path.includes(WEB_KEY))).toBe(false);
  });

  it("cannot read DE's items nor resolve its handles", async () => {
    const readFailure = (uri: string) => fr.readResource({ uri }).then(() => "read", (e: unknown) => (e instanceof Error ? e.message : String(e)));
    const de = await readFailure(`batch://projects/DE/orchestrations/${DE_FIRST}`);
    expect(de.replaceAll('"DE"', '"XX"')).toBe(await readFailure(`batch://projects/XX/orchestrations/${DE_FIRST}`));
    // The unprefixed URI is the default project's, which this caller may not use: it is told to name one of its own.
    const unprefixed = await readFailure(`batch://orchestrations/${DE_FIRST}`);
    expect(unprefixed).toMatch(/Say which project: read batch:\/\/projects\/\{project\}\/orchestrations\/.*Projects you can use: FR\./);
    expect(unprefixed.replace(DE_FIRST, "orchestration_none")).toBe(await readFailure("batch://orchestrations/orchestration_none"));
    // DE's handle means nothing in FR: looked for in FR's list (with FR's key) and not found.
    s.fake.clearRequests();
    const handle = DE_FIRST.slice("orchestration_".length, "orchestration_".length + 8);
    const stats = await frCall("get_orchestration_stats", { orchestration_id: handle, ...STATS_RANGE }, false);
    expect(textOf(stats)).toMatch(/^No orchestration has an id starting with "de0qqqqq"/);
    expect(new Set(s.fake.requests.map((r) => r.headers["x-batch-project"]))).toEqual(new Set([FR_KEY]));
    const own = await frCall("get_orchestration_stats", { orchestration_id: FR_FIRST, ...STATS_RANGE });
    expect(own.isError).toBeFalsy();
  });

  it("learns nothing of DE from resources/list, completion or the audit prompt", async () => {
    const { resources } = await fr.listResources();
    frShown.push(JSON.stringify(resources));
    expect(resources.length).toBeGreaterThan(0);
    expect((await all.listResources()).resources.some((r) => r.uri.startsWith("batch://orchestrations/"))).toBe(true);
    const complete = async (uri: string, name: string, value: string, args?: Record<string, string>) =>
      (await fr.complete({ ref: { type: "ref/resource", uri }, argument: { name, value }, ...(args && { context: { arguments: args } }) })).completion.values;
    expect(await complete("batch://projects/{project}/orchestrations/{id}", "project", "")).toEqual(["FR"]);
    expect(await complete("batch://projects/{project}/orchestrations/{id}", "id", "orchestration_", { project: "DE" })).toEqual([]);
    expect(await complete("batch://orchestrations/{id}", "id", "orchestration_")).toEqual([]);
    expect((await complete("batch://projects/{project}/orchestrations/{id}", "id", "orchestration_", { project: "FR" })).length).toBeGreaterThan(0);
    const refusal = (project: string) => fr.getPrompt({ name: "audit_campaigns", arguments: { project } }).then(() => "given", (e: unknown) => (e instanceof Error ? e.message : String(e)));
    expect((await refusal("DE")).replaceAll('"DE"', '"XX"')).toBe(await refusal("XX"));
    const audit = await fr.getPrompt({ name: "audit_campaigns", arguments: {} });
    frShown.push(JSON.stringify(audit));
  });

  it("shows the FR caller no trace of DE, and nobody a key", () => {
    expect(frShown.length).toBeGreaterThanOrEqual(5);
    for (const text of frShown) expect(text).not.toMatch(DE_TRACES);
    expectNoKeys(...frShown, s.stderr());
    expect(s.stderr()).not.toMatch(/TOPSECRET/);
  });
});
