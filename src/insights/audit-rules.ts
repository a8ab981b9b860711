// The audit rules as a table: each has an id, a title, a severity, the kind of item it
// applies to, why it matters, and a pure function from items to the cases it finds.
// No I/O and no clock: "now" comes in through the context, so tests pin it.

import { batchTime, isPast } from "../batch/dates.js";
import type { InappCampaign } from "../batch/inapp-campaign.js";
import { messageStepCount, orchestrationEnd, type Orchestration } from "../batch/orchestration.js";
import { each, type AuditRule, type Case } from "./audit-rule.js";

// The rule kit is in audit-rule.ts; its names stay importable from here.
export { each, SEVERITIES, type AuditContext, type AuditRule, type Case, type InappRule, type OrchestrationRule, type Severity } from "./audit-rule.js";

const DAY_MS = 24 * 60 * 60_000;
/** Statuses in which an orchestration may still send (or be launched). */
const ACTIVE = new Set(["running", "draft"]);

/** Items sharing a name (trimmed, case-insensitive) form one case per name, within each
 * `scope` (an app: the same campaign in two apps is one campaign per app, not a copy). The
 * note names no name: the text lists each member by its own name, quoted (names are data,
 * not this sentence). */
function sameName<T>(name: (item: T) => string, scope: (item: T) => string = () => "") {
  return (items: readonly T[]): Case<T>[] => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const key = `${scope(item)}\u0000${name(item).trim().toLowerCase()}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    return [...groups.values()].filter((g) => g.length > 1).map((g) => ({ items: g, note: "same name" }));
  };
}

/** A date Batch sent, as this server reads it (UTC, ISO): notes never repeat Batch's own text. */
function isoDate(value: string | undefined): string {
  const time = value === undefined ? NaN : batchTime(value);
  return Number.isNaN(time) ? "?" : new Date(time).toISOString().replace(/\.000Z$/, "Z");
}

function ageDays(created: string | undefined, now: number): number | undefined {
  const time = created === undefined ? NaN : batchTime(created);
  return Number.isNaN(time) ? undefined : Math.floor((now - time) / DAY_MS);
}

export const AUDIT_RULES: readonly AuditRule[] = [
  {
    id: "inapp-live-past-end",
    title: "Live in-app campaigns past their end date",
    severity: "high",
    appliesTo: "inapp",
    why: "A live campaign whose end date has passed no longer shows, but still reads as live in the dashboard and in reports.",
    cases: each(
      (c, ctx) => c.live && isPast(c.end_date, ctx.now),
      (c) => `ended ${isoDate(c.end_date)}`,
    ),
  },
  {
    id: "orchestration-running-past-end",
    title: "Running orchestrations whose end time has passed",
    severity: "high",
    appliesTo: "orchestrations",
    why: "Batch still reports them as running after their end time: either the end time is wrong or the status is stale.",
    cases: each(
      (o, ctx) => o.status === "running" && isPast(orchestrationEnd(o), ctx.now),
      (o) => `ended ${isoDate(orchestrationEnd(o))}`,
    ),
  },
  {
    id: "inapp-dev-only-live",
    title: "Live in-app campaigns marked dev_only",
    severity: "medium",
    appliesTo: "inapp",
    why: "dev_only campaigns only reach development installs; live and dev_only usually means a test campaign left on or a production campaign that reaches no user.",
    cases: each((c) => c.dev_only && c.live),
  },
  {
    id: "trigger-without-message-step",
    title: "Trigger automations with no message step",
    severity: "medium",
    appliesTo: "orchestrations",
    why: "An automation without a message step sends nothing when it triggers.",
    cases: each((o) => o.type === "trigger" && ACTIVE.has(o.status) && messageStepCount(o) === 0, (o) => o.status),
  },
  {
    id: "recurring-without-end",
    title: "Recurring orchestrations with no end time",
    severity: "medium",
    appliesTo: "orchestrations",
    why: "A recurring send with no end time keeps sending until someone stops it.",
    cases: each((o) => o.type === "recurring" && ACTIVE.has(o.status) && orchestrationEnd(o) === undefined, (o) => o.status),
  },
  {
    id: "stale-draft",
    title: "Drafts older than stale_days",
    severity: "low",
    appliesTo: "orchestrations",
    why: "Old drafts clutter the dashboard and risk being launched by mistake with outdated content.",
    cases: each(
      (o, ctx) => o.status === "draft" && (ageDays(o.created_date, ctx.now) ?? 0) > ctx.staleDays,
      (o, ctx) => `created ${isoDate(o.created_date)}, ${ageDays(o.created_date, ctx.now) ?? "?"} days ago`,
    ),
  },
  {
    id: "orchestration-without-labels",
    title: "Orchestrations without labels",
    severity: "low",
    appliesTo: "orchestrations",
    why: "Labels are how sends are grouped in reporting and found again; unlabelled ones fall out of both.",
    cases: each((o) => (o.labels ?? []).length === 0),
  },
  {
    id: "duplicate-orchestration-names",
    title: "Orchestrations sharing a name",
    severity: "low",
    appliesTo: "orchestrations",
    why: "Identical names make reports and conversations ambiguous, and often mean a copy was launched by mistake.",
    cases: sameName((o) => o.name),
  },
  {
    id: "duplicate-inapp-names",
    title: "In-app campaigns sharing a name",
    severity: "low",
    appliesTo: "inapp",
    why: "Identical names make reports and conversations ambiguous, and often mean a copy was left live by mistake.",
    cases: sameName<InappCampaign & { readonly app?: string }>((c) => c.name, (c) => c.app ?? ""),
  },
];
