import { describe, expect, it } from "vitest";
import type { InappCampaign } from "../../src/batch/inapp-campaign.js";
import type { Orchestration } from "../../src/batch/orchestration.js";
import { AUDIT_RULES, type AuditContext } from "../../src/insights/audit-rules.js";
import { runAudit, type AuditData } from "../../src/insights/audit.js";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ctx: AuditContext = { now: NOW, staleDays: 30 };

let n = 0;
/** A healthy orchestration no rule flags, unless overridden. */
function orch(over: Partial<Orchestration> = {}): Orchestration {
  n++;
  return { id: `o${n}`, name: `Orchestration ${n}`, type: "campaign", status: "completed", channels: ["push"], labels: ["L"], created_date: "2026-01-10T00:00:00Z", raw: {}, ...over };
}

/** A healthy in-app campaign no rule flags, unless overridden. */
function inapp(over: Partial<InappCampaign> = {}): InappCampaign {
  n++;
  return { token: `t${n}`, name: `Campaign ${n}`, live: true, from_api: false, dev_only: false, created_date: "2026-01-10T00:00:00", raw: {}, ...over };
}

/** Ids of the items each case of one rule concerns. */
function flagged(ruleId: string, data: AuditData, context = ctx): string[][] {
  const finding = runAudit(data, context).find((f) => f.rule.id === ruleId);
  if (!finding) return [];
  return finding.cases.map((c) => c.items.map((i) => ("id" in i ? i.id : i.token)));
}

describe("audit rules", () => {
  it("healthy items raise no finding", () => {
    expect(runAudit({ orchestrations: [orch(), orch({ type: "recurring", status: "running", recurrence: { end_time: "2027-01-01T00:00:00Z" } })], inapp: [inapp(), inapp({ end_date: "2027-01-01T00:00:00" })] }, ctx)).toEqual([]);
  });

  it("inapp-live-past-end: live campaigns whose end date (zone-less, read as UTC) has passed", () => {
    const past = inapp({ end_date: "2026-01-15T11:59:59" });
    const future = inapp({ end_date: "2026-01-15T12:00:01" });
    const notLive = inapp({ live: false, end_date: "2020-01-01T00:00:00" });
    expect(flagged("inapp-live-past-end", { inapp: [past, future, notLive] })).toEqual([[past.token]]);
  });

  it("orchestration-running-past-end: running ones past their end time or recurrence end", () => {
    const ended = orch({ status: "running", end_time: "2026-01-01T00:00:00Z" });
    const recurrenceEnded = orch({ status: "running", type: "recurring", recurrence: { end_time: "2025-12-01T00:00:00Z" } });
    const completed = orch({ status: "completed", end_time: "2026-01-01T00:00:00Z" });
    const ongoing = orch({ status: "running", end_time: "2026-02-01T00:00:00Z" });
    expect(flagged("orchestration-running-past-end", { orchestrations: [ended, recurrenceEnded, completed, ongoing] })).toEqual([[ended.id], [recurrenceEnded.id]]);
  });

  it("inapp-dev-only-live: dev_only campaigns that are live", () => {
    const flaggedOne = inapp({ dev_only: true });
    expect(flagged("inapp-dev-only-live", { inapp: [flaggedOne, inapp({ dev_only: true, live: false })] })).toEqual([[flaggedOne.token]]);
  });

  it("trigger-without-message-step: active triggers known to have zero message steps", () => {
    const counted = orch({ type: "trigger", status: "running", nbr_message_steps: 0 });
    const listed = orch({ type: "trigger", status: "draft", message_steps: [] });
    const unknown = orch({ type: "trigger", status: "running" });
    const stopped = orch({ type: "trigger", status: "stopped", nbr_message_steps: 0 });
    const fine = orch({ type: "trigger", status: "running", nbr_message_steps: 2 });
    expect(flagged("trigger-without-message-step", { orchestrations: [counted, listed, unknown, stopped, fine] })).toEqual([[counted.id], [listed.id]]);
  });

  it("recurring-without-end: running or draft recurring orchestrations with no end at all", () => {
    const endless = orch({ type: "recurring", status: "running", recurrence: { unit: "WEEKLY" } });
    const draft = orch({ type: "recurring", status: "draft" });
    const ends = orch({ type: "recurring", status: "running", end_time: "2027-01-01T00:00:00Z" });
    const done = orch({ type: "recurring", status: "completed" });
    expect(flagged("recurring-without-end", { orchestrations: [endless, draft, ends, done] })).toEqual([[endless.id], [draft.id]]);
  });

  it("stale-draft: drafts created more than stale_days ago", () => {
    const old = orch({ status: "draft", created_date: "2025-12-15T00:00:00Z" });
    const recent = orch({ status: "draft", created_date: "2026-01-01T00:00:00Z" });
    const undated = orch({ status: "draft", created_date: undefined });
    const data = { orchestrations: [old, recent, undated] };
    expect(flagged("stale-draft", data)).toEqual([[old.id]]);
    expect(flagged("stale-draft", data, { now: NOW, staleDays: 7 })).toEqual([[old.id], [recent.id]]);
    expect(runAudit(data, ctx).find((f) => f.rule.id === "stale-draft")?.cases[0]?.note).toBe("created 2025-12-15T00:00:00Z, 31 days ago");
  });

  it("orchestration-without-labels: absent or empty labels", () => {
    const none = orch({ labels: undefined });
    const empty = orch({ labels: [] });
    expect(flagged("orchestration-without-labels", { orchestrations: [none, empty, orch()] })).toEqual([[none.id], [empty.id]]);
  });

  it("duplicate names: one case per shared name, trimmed and case-insensitive, per kind", () => {
    const a = orch({ name: "Weekly newsletter" });
    const b = orch({ name: " weekly NEWSLETTER" });
    const c = inapp({ name: "Weekly newsletter" });
    const d = inapp({ name: "Banner" });
    const e = inapp({ name: "banner" });
    const data = { orchestrations: [a, b, orch()], inapp: [c, d, e] };
    expect(flagged("duplicate-orchestration-names", data)).toEqual([[a.id, b.id]]);
    expect(flagged("duplicate-inapp-names", data)).toEqual([[d.token, e.token]]);
  });

  it("skips a kind that was not audited and orders findings most severe first", () => {
    const data = { orchestrations: [orch({ labels: [] }), orch({ status: "running", end_time: "2020-01-01T00:00:00Z" })] };
    const findings = runAudit(data, ctx);
    expect(findings.map((f) => f.rule.id)).toEqual(["orchestration-running-past-end", "orchestration-without-labels"]);
    expect(findings.every((f) => f.rule.appliesTo === "orchestrations")).toBe(true);
  });

  it("has unique rule ids", () => {
    expect(new Set(AUDIT_RULES.map((r) => r.id)).size).toBe(AUDIT_RULES.length);
  });
});
