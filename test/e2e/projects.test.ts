// Several projects over stdio (BATCH_MCP_CONFIG): each project's key sent for its calls, in-app
// campaigns listed across apps (merged newest first) or for one, another project's handles and
// resources through its name, unknown names answered with the ones that exist, and no key in
// any output or log. One session for the whole file.

import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { ProtocolError } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isResourceNotFound, SERVER_ENTRY, startSession, structuredOf, textOf, type CallToolResult, type Session } from "./harness.js";
import {
  ANDROID_KEY,
  DE_FIRST,
  DE_KEY,
  expectNoKeys,
  fakeWithProjects,
  FR_KEY,
  IOS_KEY,
  projectsEnv,
  STATS_RANGE,
  WEB_KEY,
  writeProjectsConfig,
} from "./projects-fixture.js";

interface Campaign {
  token: string;
  app?: string;
  uri: string;
  handle: string;
}
interface CampaignPage {
  campaigns: Campaign[];
  cursor?: string;
  totals: { by_app?: Record<string, number> };
}
interface OrchestrationPage {
  orchestrations: Array<{ id: string; uri: string; handle: string }>;
}

describe("several projects over stdio", () => {
  let s: Session;
  /** Everything the client was shown, for the check that no key is in it. */
  const shown: string[] = [];

  beforeAll(async () => {
    s = await startSession({ fake: fakeWithProjects(), env: projectsEnv(writeProjectsConfig({ defaultProject: "FR" })) });
  });
  afterAll(() => s.close());

  async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
    const result = await s.call(name, args);
    shown.push(JSON.stringify(result));
    return result;
  }

  const requestsTo = (route: string) => s.fake.requests.filter((r) => r.route === route);

  it("names the projects and their apps, and which one is the default, without a key", async () => {
    const result = await call("list_projects");
    expect(textOf(result).split("\n")).toEqual([
      "2 projects you can use. Calls that name no project are about FR.",
      "Pass `project` (a name below; case does not matter) to any tool, and `app` to list_inapp_campaigns for one app (without it, every app of the project is listed, merged newest first).",
      "",
      "- FR (default) · apps iOS, Android · resources batch://orchestrations/{id}, …/inapp-campaigns/{token}",
      "- DE · app Web · resources batch://projects/DE/orchestrations/{id}, …/inapp-campaigns/{token}",
    ]);
    expect(structuredOf<{ default_project: string; projects: unknown[] }>(result)).toEqual({
      default_project: "FR",
      projects: [
        { name: "FR", default: true, apps: ["iOS", "Android"], uri_base: "batch://" },
        { name: "DE", default: false, apps: ["Web"], uri_base: "batch://projects/DE/" },
      ],
    });
    expect(s.fake.requests).toHaveLength(0);
  });

  it("sends each project's key for its calls, the default project's when none is named", async () => {
    s.fake.clearRequests();
    const fr = structuredOf<OrchestrationPage>(await call("list_orchestrations"));
    const de = structuredOf<OrchestrationPage>(await call("list_orchestrations", { project: "de" }));
    expect(fr.orchestrations.map((o) => o.id)).toHaveLength(3);
    expect(de.orchestrations.map((o) => o.uri)).toEqual(de.orchestrations.map((o) => `batch://projects/DE/orchestrations/${o.id}`));
    expect(fr.orchestrations[0]?.uri).toMatch(/^batch:\/\/orchestrations\//);
    expect(requestsTo("orchestrations").map((r) => r.headers["x-batch-project"])).toEqual([FR_KEY, DE_KEY]);
    // A configured project's key, as project_key, is that project.
    const byKey = structuredOf<OrchestrationPage>(await call("list_orchestrations", { project_key: DE_KEY }));
    expect(byKey.orchestrations.map((o) => o.uri)).toEqual(de.orchestrations.map((o) => o.uri));
  });

  it("lists the in-app campaigns of every app of the project, merged newest first, each naming its app", async () => {
    s.fake.clearRequests();
    const result = await call("list_inapp_campaigns");
    const page = structuredOf<CampaignPage>(result);
    expect(page.campaigns.map((c) => [c.token.slice(0, 3), c.app])).toEqual([
      ["a10", "iOS"],
      ["b20", "Android"],
      ["a11", "iOS"],
      ["b21", "Android"],
      ["a12", "iOS"],
    ]);
    expect(page.totals.by_app).toEqual({ iOS: 3, Android: 2 });
    const text = textOf(result);
    expect(text).toContain("Apps iOS, Android, merged newest first.");
    expect(text).toMatch(/\| By app: iOS 3, Android 2\n/);
    expect(text).toMatch(/^- a10\w* "iOS promo 0" live .*· app iOS ·/m);
    expect(text).toMatch(/^- b20\w* "Android promo 0" live .*· app Android ·/m);
    const keys = requestsTo("inapp-list").map((r) => r.path.split("/")[2]);
    expect(new Set(keys)).toEqual(new Set([IOS_KEY, ANDROID_KEY]));
  });

  it("lists one app with app, and another project's app with project", async () => {
    s.fake.clearRequests();
    const android = structuredOf<CampaignPage>(await call("list_inapp_campaigns", { app: "android" }));
    expect(android.campaigns.map((c) => c.app)).toEqual(["Android", "Android"]);
    expect(requestsTo("inapp-list").map((r) => r.path.split("/")[2])).toEqual([ANDROID_KEY]);
    const web = structuredOf<CampaignPage>(await call("list_inapp_campaigns", { project: "DE" }));
    expect(web.campaigns.map((c) => c.uri)).toEqual(web.campaigns.map((c) => `batch://projects/DE/inapp-campaigns/${c.token}`));
    // One app: nothing said about apps, as in a single-app project.
    expect(web.campaigns.every((c) => c.app === undefined)).toBe(true);
    expect(requestsTo("inapp-list").at(-1)?.path.split("/")[2]).toBe(WEB_KEY);
  });

  it("continues across apps with a cursor, repeating and skipping nothing", async () => {
    const first = structuredOf<CampaignPage>(await call("list_inapp_campaigns", { max_results: 2 }));
    expect(first.cursor).toBeDefined();
    const rest = structuredOf<CampaignPage>(await call("list_inapp_campaigns", { cursor: first.cursor }));
    expect([...first.campaigns, ...rest.campaigns].map((c) => c.token.slice(0, 3))).toEqual(["a10", "b20", "a11", "b21", "a12"]);
    expect(rest.cursor).toBeUndefined();
  });

  it("finds a handle of project DE through project: DE, and only there", async () => {
    const de = structuredOf<OrchestrationPage>(await call("list_orchestrations", { project: "DE" }));
    const handle = de.orchestrations.find((o) => o.id === DE_FIRST)?.handle ?? "";
    s.fake.clearRequests();
    const stats = await call("get_orchestration_stats", { orchestration_id: handle, project: "DE", ...STATS_RANGE });
    expect(stats.isError).toBeFalsy();
    expect(structuredOf<{ orchestration_id: string; uri: string }>(stats)).toMatchObject({ orchestration_id: DE_FIRST, uri: `batch://projects/DE/orchestrations/${DE_FIRST}` });
    expect(requestsTo("stats").map((r) => r.headers["x-batch-project"])).toEqual([DE_KEY]);
    // In FR (the default), that handle names nothing.
    const elsewhere = await call("get_orchestration_stats", { orchestration_id: handle, ...STATS_RANGE });
    expect(elsewhere.isError).toBe(true);
    expect(textOf(elsewhere)).toMatch(/^No orchestration has an id starting with/);
  });

  it("reads another project's items at their URIs, and lists them with the default project's", async () => {
    const de = structuredOf<OrchestrationPage>(await call("list_orchestrations", { project: "DE" }));
    const item = de.orchestrations[0];
    const read = await s.client.readResource({ uri: `batch://projects/DE/orchestrations/${item?.handle ?? ""}` });
    shown.push(JSON.stringify(read));
    const body = JSON.parse((read.contents[0] as { text: string }).text) as { item: { id: string } };
    expect(body.item.id).toBe(item?.id);
    expect(read.contents[0]?.uri).toBe(item?.uri);
    const { resources } = await s.client.listResources();
    shown.push(JSON.stringify(resources));
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain(item?.uri);
    expect(uris.some((u) => /^batch:\/\/orchestrations\//.test(u))).toBe(true);
    const unknown = await s.client.readResource({ uri: "batch://projects/XX/orchestrations/abcdefgh" }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ProtocolError);
    expect(isResourceNotFound(unknown as ProtocolError)).toBe(true);
    expect((unknown as ProtocolError).message).toMatch(/Unknown project "XX"\. Projects you can use: FR, DE\./);
  });

  it("finds a campaign of any app of the project by its handle", async () => {
    const page = structuredOf<CampaignPage>(await call("list_inapp_campaigns", { app: "Android" }));
    const campaign = page.campaigns[0];
    const read = await s.client.readResource({ uri: `batch://inapp-campaigns/${campaign?.handle ?? ""}` });
    expect(read.contents[0]?.uri).toBe(campaign?.uri);
  });

  it("answers an unknown project or app with the names there are", async () => {
    const project = await call("list_orchestrations", { project: "XX" });
    expect(project.isError).toBe(true);
    expect(textOf(project)).toBe('Unknown project "XX". Projects you can use: FR, DE.');
    const app = await call("list_inapp_campaigns", { app: "Desktop" });
    expect(textOf(app)).toBe('Project "FR" has no app "Desktop". Its apps: iOS, Android.');
    const both = await call("get_orchestration_stats", { orchestration_id: DE_FIRST, project: "DE", project_key: DE_KEY });
    expect(textOf(both)).toBe("Pass project (a name) or project_key, not both.");
  });

  it("audits a project named, all its apps included, pointing at its URIs", async () => {
    const { messages } = await s.client.getPrompt({ name: "audit_campaigns", arguments: { project: "DE" } });
    const text = messages.map((m) => (m.content.type === "text" ? m.content.text : "")).join("\n");
    shown.push(text);
    expect(text).toMatch(/^Audit of Batch project DE's campaigns as of /);
    expect(text).toContain("Scanned: 2 orchestrations (every status and type)");
    expect(text).toContain("Scanned: 2 in-app campaigns (live or not)");
    expect(text).toContain("batch://projects/DE/orchestrations/{handle} or batch://projects/DE/inapp-campaigns/{handle}");
    await expect(s.client.getPrompt({ name: "audit_campaigns", arguments: { project: "XX" } })).rejects.toMatchObject({ code: -32602 });
  });

  it("shows no key in any output or log", () => {
    expect(shown.length).toBeGreaterThan(10);
    expectNoKeys(...shown, s.stderr());
  });
});

describe("a wrong BATCH_MCP_CONFIG", () => {
  it("stops the start with its sentence on stderr and exit code 1, naming no key", async () => {
    const file = writeProjectsConfig({ defaultProject: "FR" });
    writeFileSync(file, JSON.stringify({ projects: [{ name: "FR", project_key: FR_KEY, apps: [{ name: "iOS" }] }] }), { mode: 0o600 });
    const child = spawn(process.execPath, [SERVER_ENTRY], { env: { PATH: process.env.PATH, BATCH_MCP_CONFIG: file, BATCH_REST_API_KEY: "rest" }, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toBe(`[batch-mcp] error: BATCH_MCP_CONFIG file ${file}: projects[0].apps[0].api_key is missing.\n`);
    expectNoKeys(stderr);
  });
});
