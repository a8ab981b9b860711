// get_campaign_content end to end: the built server over stdio, against the fake Batch's view
// route (one-time push campaigns, 2.11+) and in-app GET by token (the landing). One session.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignToken, inappLanding, makeInappCampaign, makeOrchestration, pushContent } from "../fake-batch/factories.js";
import { expectNoSecrets, isResourceNotFound, PROJECT_KEY, REST_KEY, startSession, structuredOf, textOf, type CallToolResult, type Session } from "./harness.js";

type Json = Record<string, unknown>;

const PUSH = makeOrchestration(0, { status: "running", name: "Spring sale reminder", start_time: "2025-06-01T09:30:00Z" });
// The same kind of campaign whose answer keys its copy by language instead of listing it.
const KEYED = makeOrchestration(5, { type: "campaign", status: "draft", name: "Keyed copy" });
const EMAIL_TRIGGER = makeOrchestration(2, { channels: ["email"], name: "Welcome email journey" });
const RECURRING = makeOrchestration(1, { channels: ["email"], name: "Weekly newsletter" });
const OTHER_PROJECT = "project-key-2";
const ELSEWHERE = makeOrchestration(8, { status: "running", channels: ["push"], name: "Other project push" });
const id = (o: Json) => String(o.id);

const LANGUAGES = {
  en: { title: "🍓 Spring sale: 20% off", body: "Hi {{c.firstname}}, fruit is 20% off until Sunday.", deeplink: "fernwood://sale", image: "https://cdn.example/sale.jpg" },
  fr: { title: "Soldes de printemps", body: 'Bonjour {{ c.firstname | default: "vous" }}, -20 % sur les fruits.', deeplink: "fernwood://sale" },
  de: { title: "Frühlingsangebot", body: "20 % auf Obst.", deeplink: "fernwood://sale" },
  "pt-BR": { title: "Promoção", body: "Frutas com 20% de desconto.", deeplink: "fernwood://sale" },
};
const KEYED_ANSWER = { message: { deeplink: "fernwood://keyed", contents: { en: { title: "Keyed title", body: "Keyed body" }, fr: { title: "Titre", body: "Corps" } } } };

const INAPP = makeInappCampaign(0, {
  live: true,
  name: "Checkout modal",
  landing: inappLanding({
    en: { title: "Faster checkout", body: "Pay in one tap.", image: "https://cdn.example/modal.jpg", buttons: [{ label: "Try it", action: "batch.deeplink", url: "fernwood://checkout" }, { label: "Later", action: "batch.dismiss" }] },
    fr: { title: "Paiement rapide", body: "Payez en un geste.", buttons: [{ label: "Continuer" }] },
  }),
});
const TOKEN = String(INAPP.campaign_token);

interface Content {
  kind: string;
  id: string;
  name?: string;
  handle: string;
  uri: string;
  content_uri?: string;
  status?: string;
  live: boolean;
  messages: Array<{ language: string; title?: string; body?: string; deeplink?: string; image?: string; buttons: Array<{ label?: string; action?: string; url?: string }> }>;
  raw: Json;
}

const content = (r: CallToolResult) => structuredOf<Content>(r);

describe("get_campaign_content", () => {
  let s: Session;
  const seen: string[] = [];
  const views = () => s.fake.requests.filter((r) => r.route === "orchestration-view");
  const call = async (args: Json) => {
    const r = await s.call("get_campaign_content", args);
    seen.push(JSON.stringify(r));
    return r;
  };

  beforeAll(async () => {
    s = await startSession({
      fake: {
        orchestrations: [PUSH, KEYED, EMAIL_TRIGGER, RECURRING],
        projects: { [OTHER_PROJECT]: [ELSEWHERE] },
        inappCampaigns: [INAPP, makeInappCampaign(1)],
        contents: { [id(PUSH)]: pushContent(LANGUAGES), [id(KEYED)]: KEYED_ANSWER, [id(ELSEWHERE)]: pushContent({ en: { title: "Elsewhere", body: "Hi" } }) },
      },
    });
    // The client checks structuredContent against the output schemas it lists.
    await s.client.listTools();
  });
  afterAll(async () => {
    expectNoSecrets(...seen, s.stderr());
    await s.close();
  });

  it("is listed last, with described inputs, an output schema and read-only annotations", async () => {
    const { tools } = await s.client.listTools();
    expect(tools.at(-1)?.name).toBe("get_campaign_content");
    const tool = tools.find((t) => t.name === "get_campaign_content");
    expect(tool?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
    expect(tool?.inputSchema.required).toEqual(["id"]);
    const props = tool?.inputSchema.properties as Record<string, { description?: string }>;
    for (const name of ["id", "project_key"]) expect(props[name]?.description, name).toBeTruthy();
    expect(Object.keys(tool?.outputSchema?.properties ?? {})).toEqual(expect.arrayContaining(["kind", "id", "name", "uri", "messages", "raw"]));
  });

  it("reads a push campaign with one request to the 2.11 view route, with the project's headers, and shows every language", async () => {
    s.fake.clearRequests();
    const r = await call({ id: id(PUSH) });
    const [request, ...more] = s.fake.requests;
    expect(more).toEqual([]);
    expect(request?.path).toBe("/2.11/orchestrations/view");
    expect(request?.query).toEqual({ orchestration_id: [id(PUSH)] });
    expect(request?.headers.authorization).toBe(`Bearer ${REST_KEY}`);
    expect(request?.headers["x-batch-project"]).toBe(PROJECT_KEY);

    const c = content(r);
    expect(c).toMatchObject({ kind: "orchestration", id: id(PUSH), name: "Spring sale reminder", status: "running", live: true, uri: `batch://orchestrations/${id(PUSH)}`, content_uri: `batch://orchestrations/${id(PUSH)}/content` });
    expect(c.messages.map((m) => m.language)).toEqual(["en", "fr", "de", "pt-br"]);
    expect(c.messages[0]).toEqual({ language: "en", ...LANGUAGES.en, buttons: [], channel: "push" });
    expect(c.raw).toMatchObject({ id: id(PUSH), messages: [{ channel: "push" }] });

    const text = textOf(r);
    expect(text).toMatch(/^Copy of orchestration "Spring sale reminder" \(\w{8}\): campaign, running, starts 1 Jun 2025 09:30; 4 languages \(en, fr, de, pt-br\)\.\n/);
    for (const language of ["en", "fr", "de", "pt-br"]) expect(text).toContain(`\n${language}:\n  title "`);
    expect(text).toContain('  title "🍓 Spring sale: 20% off" (22 characters)');
    expect(text).toContain('  body "Hi {{c.firstname}}, fruit is 20% off until Sunday." (50 characters)');
    expect(text).toContain('  tags: "{{c.firstname}}" (no default)');
    expect(text).toContain('  tags: "{{ c.firstname | default: \\"vous\\" }}" (default "vous")');
    expect(text).toContain('  image "https://cdn.example/sale.jpg"');
    expect(r.content.find((b) => b.type === "resource_link")).toMatchObject({ uri: c.content_uri, name: '"Spring sale reminder"' });
  });

  it("answers again from the cache, and by handle, saying how the handle was read", async () => {
    await s.call("list_orchestrations", { status: ["running", "draft", "completed", "stopped"] });
    s.fake.clearRequests();
    const handle = content(await call({ id: id(PUSH) })).handle;
    const r = await call({ id: handle });
    expect(views()).toEqual([]);
    expect(content(r).id).toBe(id(PUSH));
    expect(textOf(r).split("\n")[1]).toBe(`"${handle}" was read as the handle of an orchestration this server has seen.`);
  });

  it("reads a copy keyed by language as well as one listed by language", async () => {
    const c = content(await call({ id: `batch://orchestrations/${id(KEYED)}` }));
    expect(c.messages).toEqual([
      { language: "en", title: "Keyed title", body: "Keyed body", deeplink: "fernwood://keyed", buttons: [] },
      { language: "fr", title: "Titre", body: "Corps", deeplink: "fernwood://keyed", buttons: [] },
    ]);
  });

  it("asks another project with project_key", async () => {
    s.fake.clearRequests();
    const c = content(await call({ id: id(ELSEWHERE), project_key: OTHER_PROJECT }));
    expect(c.name).toBe("Other project push");
    expect(views().map((r) => r.headers["x-batch-project"])).toEqual([OTHER_PROJECT]);
  });

  it("for an email automation never listed, asks once and says what Batch's API can and cannot show", async () => {
    const fresh = await startSession({ fake: { orchestrations: [EMAIL_TRIGGER] } });
    try {
      const r = await fresh.call("get_campaign_content", { id: id(EMAIL_TRIGGER) });
      seen.push(JSON.stringify(r));
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(new RegExp(`^Batch cannot show the copy of orchestration "${id(EMAIL_TRIGGER)}": it is not a one-time push campaign \\(HTTP 403, code NOT_A_PUSH_CAMPAIGN: `));
      expect(textOf(r)).toContain("how it performed (get_orchestration_stats)");
      expect(textOf(r)).not.toMatch(/permission/);
      expect(fresh.fake.requests.map((q) => q.route)).toEqual(["orchestration-view"]);
    } finally {
      await fresh.close();
    }
  });

  it("for an email automation or a recurring send already listed, asks Batch nothing", async () => {
    s.fake.clearRequests();
    const trigger = await call({ id: id(EMAIL_TRIGGER) });
    const recurring = await call({ id: id(RECURRING) });
    expect(s.fake.requests).toEqual([]);
    expect(trigger.isError).toBe(true);
    expect(textOf(trigger)).toMatch(/^Batch cannot show the copy of orchestration "Welcome email journey" \(\w{8}\): trigger automations have no content route in Batch's API \(as listed: trigger, \w+, email; nothing was asked of Batch\)\. /);
    expect(textOf(trigger)).toContain("get_orchestration_stats");
    expect(textOf(recurring)).toContain("recurring sends have no content route");
  });

  it("names an unknown id", async () => {
    const r = await call({ id: "orchestration_doesnotexist0000000000000000000" });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toBe(
      'Batch does not know orchestration "orchestration_doesnotexist0000000000000000000" in this project (HTTP 404, code ORCHESTRATION_NOT_FOUND: "The provided orchestration id does not match any orchestration."). ' +
        "Check the id (and project_key, if it belongs to another project), or call list_orchestrations to find the right one.",
    );
  });

  it("says which version a missing route needs and how to set it", async () => {
    s.fake.script({ route: "orchestration-view", fault: { kind: "status", status: 404, body: { error_message: "Route not found", error_code: "NOT_FOUND" } } });
    const r = await call({ id: id(KEYED).replace(/.$/, "x") });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/^Batch has no route to get push campaign content in the API version called \(HTTP 404, code NOT_FOUND: "Route not found"\): it needs version 2\.11 or later; set BATCH_API_VERSION/);
  });

  it("reads an in-app campaign's landing by token, handle or URI: per language, with its buttons", async () => {
    s.fake.clearRequests();
    const r = await call({ id: TOKEN });
    expect(s.fake.requests.map((q) => q.route)).toEqual(["inapp-get"]);
    const c = content(r);
    expect(c).toMatchObject({ kind: "inapp_campaign", id: TOKEN, name: "Checkout modal", live: true, uri: `batch://inapp-campaigns/${TOKEN}` });
    expect(c.content_uri).toBeUndefined();
    expect(c.messages).toEqual([
      {
        language: "en",
        title: "Faster checkout",
        body: "Pay in one tap.",
        image: "https://cdn.example/modal.jpg",
        buttons: [{ label: "Try it", action: "batch.deeplink", url: "fernwood://checkout" }, { label: "Later", action: "batch.dismiss" }],
      },
      { language: "fr", title: "Paiement rapide", body: "Payez en un geste.", buttons: [{ label: "Continuer" }] },
    ]);
    expect(c.raw).toHaveProperty("landing");
    const text = textOf(r);
    expect(text).toMatch(/^Copy of in-app campaign "Checkout modal" \(\w{8}\): live, created .*; 2 languages \(en, fr\)\.\n".*" was read as an in-app campaign token/);
    expect(text).toContain('  buttons: "Try it" batch.deeplink "fernwood://checkout"; "Later" batch.dismiss');
    expect(text).toContain('  buttons: "Continuer" no action');

    const byHandle = await call({ id: c.handle });
    expect(textOf(byHandle).split("\n")[1]).toBe(`"${c.handle}" was read as the handle of an in-app campaign this server has seen.`);
    expect(content(await call({ id: `batch://inapp-campaigns/${c.handle}` })).id).toBe(TOKEN);
  });

  it("names an unknown in-app token", async () => {
    const unknown = campaignToken(99);
    const r = await call({ id: `batch://inapp-campaigns/${unknown}` });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(new RegExp(`^Batch does not know in-app campaign "${unknown}" \\(HTTP 404, code 20: "Campaign not found"\\)\\. Check the token, or call list_inapp_campaigns`));
  });

  it("finds a handle never seen by searching orchestrations, then in-app campaigns", async () => {
    const fresh = await startSession({ fake: { orchestrations: [PUSH], inappCampaigns: [INAPP], contents: { [id(PUSH)]: pushContent(LANGUAGES) } } });
    try {
      const r = await fresh.call("get_campaign_content", { id: TOKEN.slice(0, 8) });
      seen.push(JSON.stringify(r));
      expect(structuredOf<Content>(r).id).toBe(TOKEN);
      expect(textOf(r).split("\n")[1]).toBe(`"${TOKEN.slice(0, 8)}" was found among the app's in-app campaigns, not among the orchestrations.`);
      expect([...new Set(fresh.fake.requests.map((q) => q.route))]).toEqual(["orchestrations", "inapp-list", "inapp-get"]);
    } finally {
      await fresh.close();
    }
  });

  it("is readable as batch://orchestrations/{id}/content, the same JSON as structuredContent; not found for an unknown id or a non-push orchestration", async () => {
    const structured = content(await call({ id: id(PUSH) }));
    const read = await s.client.readResource({ uri: `batch://orchestrations/${structured.handle}/content` });
    expect(JSON.parse(String((read.contents[0] as { text?: string }).text))).toEqual(structured);
    for (const missing of ["orchestration_doesnotexist0000000000000000000", id(EMAIL_TRIGGER)]) {
      const error = (await s.client.readResource({ uri: `batch://orchestrations/${missing}/content` }).then(
        () => undefined,
        (e: unknown) => e,
      )) as { code?: number; data?: unknown; message?: string };
      expect(isResourceNotFound(error), missing).toBe(true);
      seen.push(String(error.message));
    }
    const { resourceTemplates } = await s.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain("batch://orchestrations/{id}/content");
  });
});
