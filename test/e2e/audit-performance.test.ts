// audit_campaigns with performance "true": a workspace with one planted case of each
// performance finding among healthy running orchestrations, one whose stats fail, and a
// short time budget that leaves the rest to the background.

import type { GetPromptResult } from "@modelcontextprotocol/server";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantedStats } from "../fake-batch/factories.js";
import { expectNoSecrets, startSession, type Session } from "./harness.js";

type Json = Record<string, unknown>;
const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);
const FUTURE = "2099-01-01T00:00:00Z";
const RECENT = new Date(Date.now() - 40 * DAY_MS).toISOString().slice(0, 19) + "Z";

/** Healthy metadata: running campaign, labelled, uniquely named. */
function orch(id: string, over: Json = {}): Json {
  return { id, name: `Campaign ${id}`, type: "campaign", status: "running", channels: ["email"], labels: ["OK"], created_date: RECENT, ...over };
}
const recurring = { type: "recurring", recurrence: { repeat_unit: "WEEKLY", repeat_frequency: 1, end_time: FUTURE } };
const trigger = { type: "trigger", nbr_message_steps: 1, message_steps: [{ step_id: "s1", step_name: "Message 1" }] };

function figures(sent: number, { open = 0.2, click = 0.02, bounce = 0.01, unsub = 0.002 } = {}) {
  const total_bounce = Math.round(sent * bounce);
  const delivered = sent - total_bounce;
  return { sent, delivered, total_bounce, unique_open: Math.round(delivered * open), unique_click: Math.round(delivered * click), unsubscribe: Math.round(delivered * unsub) };
}
const last20 = { days: 20, start: daysAgo(19) };

const orchestrations = [
  orch("o_ok_1"),
  orch("o_ok_2", recurring),
  orch("o_ok_3", trigger),
  orch("o_bouncy"),
  orch("o_quitter", recurring),
  orch("o_silent_trigger", trigger),
  orch("o_silent_recurring", recurring),
  orch("o_low_open"),
  orch("o_ab"),
  orch("o_ab_over"),
  orch("o_small"),
  orch("o_broken"),
  orch("o_done", { status: "completed" }),
];

const stats: Record<string, Json> = {
  o_ok_1: plantedStats("o_ok_1", figures(10_000), last20),
  o_ok_2: plantedStats("o_ok_2", figures(12_000), last20),
  o_ok_3: plantedStats("o_ok_3", figures(8_000), last20),
  o_bouncy: plantedStats("o_bouncy", figures(10_000, { bounce: 0.08 }), last20),
  o_quitter: plantedStats("o_quitter", figures(10_000, { unsub: 0.02 }), last20),
  // o_silent_trigger has no stats at all; the recurring one reports zeros.
  o_silent_recurring: plantedStats("o_silent_recurring", { sent: 0, delivered: 0 }, last20),
  o_low_open: plantedStats("o_low_open", figures(10_000, { open: 0.04 }), last20),
  o_ab: plantedStats("o_ab", figures(10_000), { ...last20, versions: { a: figures(5_000, { open: 0.15 }), b: figures(5_000, { open: 0.25 }) } }),
  // A clear winner, but b stopped sending two weeks ago: nothing to settle.
  o_ab_over: plantedStats("o_ab_over", figures(10_000), { days: 5, start: daysAgo(20), versions: { a: figures(5_000, { open: 0.15 }), b: figures(5_000, { open: 0.25 }) } }),
  o_small: plantedStats("o_small", figures(300, { bounce: 0.3, unsub: 0.1, open: 0.01 }), last20),
  o_done: plantedStats("o_done", figures(10_000, { bounce: 0.5 }), last20),
};

const PLANTED: Record<string, string[]> = {
  "high-bounce-rate": ["o_bouncy"],
  "high-unsubscribe-rate": ["o_quitter"],
  "running-but-silent": ["o_silent_trigger", "o_silent_recurring"],
  "low-open-rate": ["o_low_open"],
  "ab-test-settled": ["o_ab"],
};

function promptText(result: GetPromptResult): string {
  const content = result.messages[0]?.content;
  if (content?.type !== "text") throw new Error("expected a text message");
  return content.text;
}
const reportedRules = (text: string) => [...text.matchAll(/^\d+\. \[(?:high|medium|low)\] .* \(([a-z-]+)\): /gm)].map((m) => m[1] ?? "");
const statsIds = (s: Session) => s.fake.requests.filter((r) => r.route === "stats").map((r) => r.query.orchestration_id?.[0]);

describe("audit_campaigns with performance", () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, stats } });
    s.fake.script({ route: "stats", query: { orchestration_id: "o_broken" }, times: 100, fault: { kind: "status", status: 500, body: { error_message: "boom", error_code: "SERVER_ERROR" } } });
  });
  afterAll(() => s.close());

  it("reports exactly the planted performance findings, each with its threshold and the figures that crossed it", async () => {
    const text = promptText(await s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations", performance: "true" } }));
    expect(reportedRules(text).sort()).toEqual(Object.keys(PLANTED).sort());
    for (const [rule, ids] of Object.entries(PLANTED)) {
      const section = text.slice(text.indexOf(`(${rule})`)).split(/\n\n/)[0] ?? "";
      for (const id of ids) {
        const handles = [...section.matchAll(/\(([^)\s]+)\)/g)].map((h) => h[1] ?? "");
        expect(handles.some((h) => id.startsWith(h) && h.length >= Math.min(8, id.length)), `${rule}: ${id} in ${handles.join(", ")}`).toBe(true);
      }
      expect(section, rule).toMatch(/Why it matters: /);
    }
    expect(text).toMatch(/Bounce rate over 5\.0% of sent \(at least 1,000 sent.*\n.*\n.*bounce 8\.0% of 10,000 sent/);
    expect(text).toMatch(/open 4\.0% vs project median 20\.0%/);
    expect(text).toMatch(/version b leads on open \(25\.0% vs 15\.0%/);
    expect(text).toMatch(/not audited for performance: "Campaign o_broken" \(o_broken\): .*HTTP 500/);
    expect(text).toContain("stats of 11 of 12 running orchestrations read");
    // Only running ones are read.
    expect(statsIds(s)).not.toContain("o_done");
    expectNoSecrets(text, s.stderr());
  });

  it("reads no stats without performance, and reports none of its findings", async () => {
    s.fake.clearRequests();
    const text = promptText(await s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations" } }));
    expect(reportedRules(text)).toEqual([]);
    expect(statsIds(s)).toEqual([]);
  });

  it("asks Batch nothing the second time: the stats are cached", async () => {
    s.fake.clearRequests();
    await s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations", performance: "true" } });
    expect(statsIds(s).filter((id) => id !== "o_broken")).toEqual([]);
  });
});

describe("audit_campaigns with performance under a short time budget", () => {
  let s: Session;
  const many = Array.from({ length: 8 }, (_, i) => orch(`o_m${i}`));
  const manyStats = Object.fromEntries(many.map((o) => [String(o.id), plantedStats(String(o.id), figures(5_000), last20)]));

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations: many, stats: manyStats, latencyMs: 250 }, env: { BATCH_MCP_TIME_BUDGET_MS: "1000" } });
  });
  afterAll(() => s.close());

  it("reports what it read, says how many are still being fetched, and completes on the next ask", async () => {
    const first = promptText(await s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations", performance: "true" } }));
    const left = Number(/(\d+) orchestrations? still being fetched in the background/.exec(first)?.[1] ?? 0);
    expect(left).toBeGreaterThan(0);
    // Wait for the background run to finish: every id asked for, nothing in flight.
    for (let i = 0; i < 100 && (new Set(statsIds(s)).size < many.length || s.fake.requests.some((r) => r.endedAt === undefined)); i++) await sleep(100);
    s.fake.clearRequests();
    const second = promptText(await s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations", performance: "true" } }));
    expect(second).toContain(`stats of ${many.length} of ${many.length} running orchestrations read`);
    expect(second).not.toMatch(/still being fetched/);
    expect(statsIds(s)).toEqual([]);
  });
});
