import { describe, expect, it } from "vitest";
import type { CampaignContent, ContentMessage } from "../../src/batch/content.js";
import { BatchApiError } from "../../src/batch/errors.js";
import type { Orchestration } from "../../src/batch/orchestration.js";
import { charCount, COPY_LIMITS, COPY_RULES, readLength, runCopyAudit } from "../../src/insights/copy-rules.js";
import { copyAuditScope, notAuditedAfter, withoutCopy } from "../../src/insights/copy-scope.js";

let n = 0;

/** Clean copy in one language: short, a default on its tag, an https deeplink. */
function msg(language: string, over: Partial<ContentMessage> = {}): ContentMessage {
  n++;
  return { language, title: `Fresh deals ${n}`, body: `Hi {{c.firstname|fallback('there')}}, see what is new (${n}).`, deeplink: "https://shop.example/deals", buttons: [], ...over };
}

/** A push campaign no rule flags, in en and fr, unless overridden. */
function push(over: Partial<CampaignContent> = {}): CampaignContent {
  n++;
  return { kind: "orchestration", id: `o${n}`, name: `Push ${n}`, status: "completed", live: false, messages: [msg("en"), msg("fr")], warnings: [], raw: {}, ...over };
}

/** An in-app campaign no rule flags, in en and fr, unless overridden. */
function inapp(over: Partial<CampaignContent> = {}): CampaignContent {
  n++;
  const buttons = [{ label: "Open", action: "batch.deeplink", url: "https://shop.example/x" }, { label: "Later", action: "batch.dismiss" }];
  return { kind: "inapp_campaign", id: `t${n}`, name: `In-app ${n}`, live: true, messages: [msg("en", { buttons }), msg("fr", { buttons })], warnings: [], raw: {}, ...over };
}

/** Ids of the campaigns each case of one rule concerns, with the note. */
function flagged(ruleId: string, contents: CampaignContent[]): Array<[string[], string | undefined]> {
  const finding = runCopyAudit(contents).find((f) => f.rule.id === ruleId);
  return (finding?.cases ?? []).map((c) => [c.items.map((i) => i.id), c.note]);
}

const clean = () => [push(), push({ status: "running", live: true }), inapp(), inapp()];

describe("copy rules", () => {
  it("clean campaigns raise no finding", () => {
    expect(runCopyAudit(clean())).toEqual([]);
  });

  it("state their thresholds in their titles, from one table", () => {
    const title = (id: string) => COPY_RULES.find((r) => r.id === id)?.title ?? "";
    expect(title("push-copy-too-long")).toContain(`over ${COPY_LIMITS.pushTitleMaxChars}`);
    expect(title("push-copy-too-long")).toContain(`over ${COPY_LIMITS.pushBodyMaxChars} characters (cut on an iOS lock screen; guidance`);
    expect(title("missing-language")).toContain("over 50%");
    expect(title("duplicate-copy")).toContain("2 or more live");
  });

  it("push-copy-too-long: push titles over 50 and bodies over 178 characters, emoji counted as one, tags as their default", () => {
    const long = push({ messages: [msg("en", { body: "b".repeat(179) }), msg("fr", { title: "t".repeat(51) })] });
    const edge = push({ messages: [msg("en", { title: "🍓".repeat(50), body: "b".repeat(178) }), msg("fr", { title: `{{ c.firstname | default: "Hi" }}${"t".repeat(48)}` })] });
    const inappLong = inapp({ messages: [msg("en", { body: "b".repeat(400) }), msg("fr")] });
    expect(charCount("🍓🍓")).toBe(2);
    // A tag reads as its quoted default; without one it counts as written.
    expect(readLength("Hi {{c.firstname|fallback('there')}}!")).toBe(9);
    expect(readLength("Hi {{c.firstname}}!")).toBe(19);
    expect(flagged("push-copy-too-long", [...clean(), long, edge, inappLong])).toEqual([[[long.id], "en body 179 characters; fr title 51 characters"]]);
  });

  it("tag-without-default: a tag naming an attribute with neither default nor fallback, once per place", () => {
    const bare = push({ messages: [msg("en", { title: "Hi {{ c.firstname }}", body: "{{c.firstname}} and {{ c.firstname }}" }), msg("fr", { deeplink: "https://x.example/{{c.store}}" })] });
    const covered = push({ messages: [msg("en", { title: '{{ c.firstname | default: "there" }}' }), msg("fr", { body: '{{ "now" | date: "%Y" }}' })] });
    expect(flagged("tag-without-default", [...clean(), bare, covered])).toEqual([
      [[bare.id], 'en title: "{{ c.firstname }}"; en body: "{{c.firstname}}"; en body: "{{ c.firstname }}"; fr deeplink: "{{c.store}}"'],
    ]);
  });

  it("missing-language: no copy in a language most audited campaigns have", () => {
    const enOnly = inapp({ messages: [msg("en")] });
    const everyone = push({ messages: [msg("default")] });
    const none = push({ messages: [] });
    const contents = [...clean(), enOnly, everyone, none];
    expect(flagged("missing-language", contents)).toEqual([[[enOnly.id], "no copy in fr (4 of 6 audited campaigns have it)"]]);
  });

  it("missing-language: says nothing with too few campaigns or no majority", () => {
    expect(flagged("missing-language", [push(), push({ messages: [msg("en")] })])).toEqual([]);
    const split = [push({ messages: [msg("en")] }), push({ messages: [msg("fr")] }), push({ messages: [msg("de")] }), push({ messages: [msg("es")] })];
    expect(flagged("missing-language", split)).toEqual([]);
  });

  it("insecure-link: deeplinks and button URLs on plain http://", () => {
    const http = push({ messages: [msg("en", { deeplink: "HTTP://shop.example/a" }), msg("fr")] });
    const button = inapp({ messages: [msg("en", { buttons: [{ label: "Go", action: "batch.deeplink", url: "http://shop.example/b" }] }), msg("fr")] });
    const custom = push({ messages: [msg("en", { deeplink: "fernwood://home" }), msg("fr")] });
    expect(flagged("insecure-link", [...clean(), http, button, custom])).toEqual([
      [[http.id], 'en deeplink "HTTP://shop.example/a"'],
      [[button.id], 'en button "http://shop.example/b"'],
    ]);
  });

  it("push-without-deeplink: a push with no deeplink in any language", () => {
    const bare = push({ messages: [msg("en", { deeplink: undefined }), msg("fr", { deeplink: " " })] });
    const oneLink = push({ messages: [msg("en", { deeplink: undefined }), msg("fr")] });
    const inappBare = inapp({ messages: [msg("en", { deeplink: undefined }), msg("fr", { deeplink: undefined })] });
    expect(flagged("push-without-deeplink", [...clean(), bare, oneLink, inappBare])).toEqual([[[bare.id], "no deeplink"]]);
  });

  it("inapp-button-without-action: a button with no action, or a link action with no URL", () => {
    const noAction = inapp({ messages: [msg("en", { buttons: [{ label: "Continue" }, { label: "Later", action: "batch.dismiss" }] }), msg("fr", { buttons: [{ action: "batch.deeplink" }] })] });
    expect(flagged("inapp-button-without-action", [...clean(), noAction])).toEqual([
      [[noAction.id], 'en button "Continue" has no action; fr button (no label) is a batch.deeplink with no URL'],
    ]);
  });

  it("copy-empty-language: a language whose title and body are both empty", () => {
    const empty = push({ messages: [msg("en"), msg("fr", { title: "", body: "  " })] });
    const bodyOnly = inapp({ messages: [msg("en", { title: undefined }), msg("fr")] });
    expect(flagged("copy-empty-language", [...clean(), empty, bodyOnly])).toEqual([[[empty.id], "fr has neither title nor body"]]);
  });

  it("duplicate-copy: the same title and body (case and spacing aside) in several live campaigns", () => {
    const copy = { title: "Summer BBQ: 3 days to go", body: "Grab your  grill kit." };
    const a = push({ live: true, status: "running", messages: [msg("en", copy), msg("fr")] });
    const b = inapp({ messages: [msg("en", { ...copy, title: "summer bbq: 3 days to go " }), msg("fr")] });
    const notLive = push({ live: false, messages: [msg("en", copy), msg("fr")] });
    expect(flagged("duplicate-copy", [...clean(), a, b, notLive])).toEqual([[[a.id, b.id], 'title "Summer BBQ: 3 days to go" with the same body']]);
  });

  it("quotes the Batch strings its notes carry (tags, URLs, labels, titles), escaped on one line and cut", () => {
    const hostile = inapp({
      messages: [
        msg("en", { title: "Hi {{c.name}}\n- forged", deeplink: "http://x.example/\u202e", buttons: [{ label: 'Go"\n2. [high] fake' }] }),
        msg("fr"),
      ],
    });
    const notes = runCopyAudit([...clean(), hostile]).flatMap((f) => f.cases.map((c) => c.note ?? ""));
    expect(notes).toContain('en title: "{{c.name}}"');
    expect(notes).toContain('en deeplink "http://x.example/\\u202e"');
    expect(notes).toContain('en button "Go\\"\\n2. [high] fake" has no action');
    for (const note of notes) expect(note).not.toMatch(/[\n\u202e]/);
    const long = push({ live: true, messages: [msg("en", { title: "t".repeat(100) }), msg("fr")] });
    const twin = inapp({ messages: [msg("en", { title: "t".repeat(100), body: long.messages[0]?.body }), msg("fr")] });
    const [dup] = flagged("duplicate-copy", [...clean(), long, twin]);
    expect(dup?.[1]).toBe(`title "${"t".repeat(59)}"… with the same body`);
  });

  it("lists the most severe findings first", () => {
    const bad = push({ live: true, messages: [msg("en", { title: "", body: "", deeplink: undefined }), msg("fr", { deeplink: undefined, body: "b".repeat(200) })] });
    expect(runCopyAudit([...clean(), bad]).map((f) => f.rule.severity)).toEqual(["high", "low", "low"]);
  });
});

describe("copy audit scope", () => {
  const orch = (over: Partial<Orchestration>): Orchestration => ({ id: `o-${over.name ?? "x"}`, name: "x", type: "campaign", status: "completed", channels: ["push"], raw: {}, ...over });

  it("fetches one-time push campaigns and names the others with Batch's lack of a route", () => {
    const scope = copyAuditScope([
      orch({ name: "push" }),
      orch({ name: "push+email", channels: ["push", "email"] }),
      orch({ name: "email", channels: ["email"] }),
      orch({ name: "weekly", type: "recurring" }),
      orch({ name: "welcome", type: "trigger", channels: ["in_app"] }),
      orch({ name: "ip", type: "warmup", channels: ["email"] }),
    ]);
    expect(scope.fetch.map((o) => o.name)).toEqual(["push", "push+email"]);
    expect(scope.notAudited.map((x) => [x.name, x.reason, x.detail])).toEqual([
      ["email", "no_content_route", "a one-time campaign on email: Batch has a content route for push only"],
      ["weekly", "no_content_route", "recurring sends have no content route in Batch's API"],
      ["welcome", "no_content_route", "trigger automations have no content route in Batch's API"],
      ["ip", "no_content_route", "warmups have no content route in Batch's API"],
    ]);
  });

  it("names a campaign whose fetch failed, with Batch's reason when it gave one", () => {
    const error = (reason?: "not_push" | "route_missing") =>
      new BatchApiError({ kind: "http", api: "v2", operation: "get push campaign content", status: reason === "not_push" ? 403 : 404, retryable: false, ...(reason && { reason }) });
    const item = { kind: "orchestration" as const, id: "o1", name: "Sale" };
    expect(notAuditedAfter(item, error("not_push"))).toMatchObject({ reason: "not_push", detail: expect.stringContaining("not a one-time push campaign") });
    expect(notAuditedAfter(item, error("route_missing")).detail).toContain("needs version 2.11 or later (set BATCH_API_VERSION)");
    expect(notAuditedAfter(item, error())).toMatchObject({ reason: "failed", detail: "its copy could not be fetched: Batch get push campaign content failed (http HTTP 404)" });
  });

  it("names fetched campaigns in which no copy was found", () => {
    const empty = push({ messages: [], warnings: ["no copy here"] });
    expect(withoutCopy([push(), empty])).toEqual([{ kind: "orchestration", id: empty.id, name: empty.name, reason: "no_copy_found", detail: "no copy here" }]);
  });
});
