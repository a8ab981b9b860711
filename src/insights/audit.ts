// Runs the rule table over what was listed. Pure: same items, same context, same findings,
// most severe first (table order within a severity).

import type { InappCampaign } from "../batch/inapp-campaign.js";
import type { Orchestration } from "../batch/orchestration.js";
import { SEVERITIES, type AuditContext, type AuditRule, type Case, type InappRule, type OrchestrationRule } from "./audit-rule.js";
import { AUDIT_RULES } from "./audit-rules.js";
import { CHANGE_RULES } from "./performance-changes.js";
import { PERFORMANCE_RULES } from "./performance.js";

export { performanceFigures, PERFORMANCE_DAYS, type PerformanceFigures } from "./performance-figures.js";
export { CHANGE_RULES } from "./performance-changes.js";
// The copy rules ride in the same lazily loaded chunk as the audit's own (see scripts/build.mjs).
export { runCopyAudit } from "./copy-rules.js";
export { SEVERITIES } from "./audit-rule.js";

/** What was listed; an absent kind was not audited (out of scope, or its listing failed). */
export interface AuditData {
  orchestrations?: readonly Orchestration[];
  inapp?: readonly InappCampaign[];
}

/** `kind` repeats the rule's appliesTo so the union narrows on it. */
export type Finding =
  | { kind: "orchestrations"; rule: OrchestrationRule; cases: Case<Orchestration>[] }
  | { kind: "inapp"; rule: InappRule; cases: Case<InappCampaign>[] };

function apply(rule: AuditRule, data: AuditData, ctx: AuditContext): Finding | undefined {
  if (rule.appliesTo === "orchestrations") {
    const cases = data.orchestrations ? rule.cases(data.orchestrations, ctx) : [];
    return cases.length ? { kind: rule.appliesTo, rule, cases } : undefined;
  }
  const cases = data.inapp ? rule.cases(data.inapp, ctx) : [];
  return cases.length ? { kind: rule.appliesTo, rule, cases } : undefined;
}

/**
 * The rule table, with the performance rules when the context carries figures. The
 * period-over-period ones find something only in figures with `previous` (a 60-day read).
 */
export function auditRules(ctx: AuditContext): readonly AuditRule[] {
  return ctx.performance ? [...AUDIT_RULES, ...PERFORMANCE_RULES, ...CHANGE_RULES] : AUDIT_RULES;
}

export function runAudit(data: AuditData, ctx: AuditContext, rules: readonly AuditRule[] = auditRules(ctx)): Finding[] {
  const findings = rules.map((rule) => apply(rule, data, ctx)).filter((f): f is Finding => f !== undefined);
  return findings.sort((a, b) => SEVERITIES.indexOf(a.rule.severity) - SEVERITIES.indexOf(b.rule.severity));
}
