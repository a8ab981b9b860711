// audit_campaigns end to end: a data set with exactly one planted case of every finding
// among healthy items; the prompt must report each, with the items concerned, and
// nothing else.

import type { GetPromptResult } from "@modelcontextprotocol/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestrations } from "../fake-batch/factories.js";
import { expectNoSecrets, startSession, type Session } from "./harness.js";

type Json = Record<string, unknown>;

const PAST = "2020-01-01T00:00:00Z";
const FUTURE = "2099-01-01T00:00:00Z";
const RECENT = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 19) + "Z";

/** A healthy orchestration: completed one-time campaign, labelled, recent, uniquely named. */
function orch(id: string, over: Json = {}): Json {
  return { id, name: `Campaign ${id}`, type: "campaign", status: "completed", channels: ["push"], labels: ["OK"], created_date: RECENT, ...over };
}

/** A healthy in-app campaign: live, ends in the future, uniquely named. */
function inapp(token: string, over: Json = {}): Json {
  return { campaign_token: token, name: `In-app ${token}`, live: true, from_api: false, dev_only: false, created_date: RECENT.slice(0, 19), end_date: FUTURE.slice(0, 19), ...over };
}

/** Rule id -> the ids/tokens its one planted case concerns. */
const PLANTED: Record<string, string[]> = {
  "orchestration-running-past-end": ["o_running_ended"],
  "stale-draft": ["o_old_draft"],
  "recurring-without-end": ["o_endless_recurring"],
  "orchestration-without-labels": ["o_unlabelled"],
  "duplicate-orchestration-names": ["o_dup_a", "o_dup_b"],
  "trigger-without-message-step": ["o_silent_trigger"],
  "inapp-live-past-end": ["t_live_ended"],
  "inapp-dev-only-live": ["t_dev_only"],
  "duplicate-inapp-names": ["t_dup_a", "t_dup_b"],
};

const orchestrations = [
  orch("o_ok_1"),
  orch("o_ok_2", { type: "recurring", status: "running", recurrence: { repeat_unit: "WEEKLY", repeat_frequency: 1, end_time: FUTURE } }),
  orch("o_ok_3", { type: "trigger", status: "running", nbr_message_steps: 1, message_steps: [{ step_id: "s1", step_name: "Message 1" }] }),
  orch("o_ok_4", { status: "draft" }),
  orch("o_running_ended", { status: "running", end_time: PAST }),
  orch("o_old_draft", { status: "draft", created_date: PAST }),
  orch("o_endless_recurring", { type: "recurring", status: "running", recurrence: { repeat_unit: "WEEKLY", repeat_frequency: 1 } }),
  orch("o_unlabelled", { labels: undefined }),
  orch("o_dup_a", { name: "Summer promo" }),
  orch("o_dup_b", { name: "summer promo " }),
  orch("o_silent_trigger", { type: "trigger", status: "running", nbr_message_steps: 0, message_steps: [] }),
];

const inappCampaigns = [
  inapp("t_ok_1"),
  inapp("t_ok_2", { live: false, end_date: PAST.slice(0, 19), dev_only: true }),
  inapp("t_ok_3", { end_date: undefined }),
  inapp("t_live_ended", { end_date: PAST.slice(0, 19) }),
  inapp("t_dev_only", { dev_only: true }),
  inapp("t_dup_a", { name: "Welcome banner" }),
  inapp("t_dup_b", { name: "Welcome banner" }),
];

function textOfPrompt(result: GetPromptResult): string {
  expect(result.messages).toHaveLength(1);
  const message = result.messages[0];
  expect(message?.role).toBe("user");
  if (message?.content.type !== "text") throw new Error("expected a text message");
  return message.content.text;
}

/** The "N. [severity] Title (rule-id): …" header lines, as rule ids. */
function reportedRules(text: string): string[] {
  return [...text.matchAll(/^\d+\. \[(?:high|medium|low)\] .* \(([a-z-]+)\): /gm)].map((m) => m[1] ?? "");
}

describe("audit_campaigns prompt", () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, inappCampaigns } });
  });
  afterAll(() => s.close());

  it("is listed with its four optional, described arguments", async () => {
    const { prompts } = await s.client.listPrompts();
    const prompt = prompts.find((p) => p.name === "audit_campaigns");
    expect(prompt?.description).toBeTruthy();
    expect(prompt?.arguments?.map((a) => [a.name, a.required ?? false, Boolean(a.description)])).toEqual([
      ["scope", false, true],
      ["stale_days", false, true],
      ["performance", false, true],
      ["content", false, true],
    ]);
  });

  it("reports exactly the planted findings, each with the items concerned, and asks for explanations and actions", async () => {
    const text = textOfPrompt(await s.client.getPrompt({ name: "audit_campaigns" }));
    expect(reportedRules(text).sort()).toEqual(Object.keys(PLANTED).sort());
    expect(text).toContain("9 findings");
    expect(text).toContain("Scanned: 11 orchestrations");
    expect(text).toContain("Scanned: 7 in-app campaigns");
    for (const [rule, keys] of Object.entries(PLANTED)) {
      const section = text.slice(text.indexOf(`(${rule})`)).split(/\n\n/)[0] ?? "";
      for (const key of keys) {
        // Named, and shown by a handle: a prefix of its id that reads it back as a resource.
        const handles = [...section.matchAll(/\(([^)\s]+)\)/g)].map((h) => h[1] ?? "");
        expect(handles.some((h) => key.startsWith(h) && h.length >= Math.min(8, key.length)), `${rule}: ${key} in ${handles.join(", ")}`).toBe(true);
      }
    }
    for (const healthy of ["o_ok_1", "o_ok_2", "o_ok_3", "o_ok_4", "t_ok_1", "t_ok_2", "t_ok_3"]) expect(text).not.toContain(healthy);
    expect(text).toMatch(/Explain each finding/);
    expect(text).toMatch(/Propose a concrete action/);
    expectNoSecrets(text, s.stderr());
  });

  it("lists orchestrations over every status and type, and caches what it listed as resources", async () => {
    s.fake.clearRequests();
    await s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations" } });
    expect(s.fake.requests.map((r) => r.route)).toEqual(["orchestrations"]);
    expect(s.fake.requests[0]?.query).toMatchObject({ status: ["draft", "running", "completed", "stopped"], type: ["campaign", "recurring", "trigger", "warmup"] });
    const [content] = (await s.client.readResource({ uri: "batch://orchestrations/o_old_draft" })).contents;
    expect(content && "text" in content ? JSON.parse(content.text) : undefined).toMatchObject({ source: "cache", item: { id: "o_old_draft" } });
  });

  it("audits only the requested scope and honours stale_days", async () => {
    const text = textOfPrompt(await s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations", stale_days: "9999" } }));
    expect(reportedRules(text).sort()).toEqual(
      ["orchestration-running-past-end", "recurring-without-end", "orchestration-without-labels", "duplicate-orchestration-names", "trigger-without-message-step"].sort(),
    );
    expect(text).not.toContain("in-app campaigns (");
    expect(text).toContain("stale_days: 9999");
  });

  it("rejects a stale_days that is not a whole number", async () => {
    await expect(s.client.getPrompt({ name: "audit_campaigns", arguments: { stale_days: "soon" } })).rejects.toMatchObject({ code: -32602 });
    await expect(s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "everything" } })).rejects.toMatchObject({ code: -32602 });
  });
});

describe("audit_campaigns without an in-app key", () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, inappCampaigns }, env: { BATCH_API_KEY: undefined } });
  });
  afterAll(() => s.close());

  it("still audits orchestrations and says why in-app campaigns were not audited", async () => {
    const text = textOfPrompt(await s.client.getPrompt({ name: "audit_campaigns" }));
    expect(text).toMatch(/in-app campaigns: not audited\..*BATCH_API_KEY/);
    expect(reportedRules(text)).toContain("stale-draft");
    expect(reportedRules(text).some((r) => r.startsWith("inapp") || r === "duplicate-inapp-names")).toBe(false);
  });
});

describe("audit_campaigns within the response budget", () => {
  it("shows the first cases of each finding and counts the rest, staying under the budget", async () => {
    // 600 unlabelled orchestrations with long names, 300 of them stale drafts: far more than 5,000 characters of cases.
    const many = makeOrchestrations(600, (i) => ({ labels: [], name: `Unlabelled send number ${i} ${"x".repeat(40)}`, ...(i % 2 === 0 && { status: "draft" }) }));
    const s = await startSession({ fake: { orchestrations: many, inappCampaigns: [] }, env: { BATCH_MCP_MAX_RESULT_CHARS: "5000" } });
    try {
      const text = textOfPrompt(await s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations" } }));
      expect(text.length).toBeLessThanOrEqual(5000);
      expect(reportedRules(text)).toContain("orchestration-without-labels");
      expect(text).toMatch(/orchestration-without-labels\): 600 cases/);
      expect(text).toMatch(/   - … and \d+ more not shown here \(the list tools show every item\)\./);
      expect(text).toMatch(/Propose a concrete action/);
    } finally {
      await s.close();
    }
  });
});
