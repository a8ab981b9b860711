// What an audit rule is, apart from any one rule: its shape, the context it reads, the
// cases it returns, and the per-item helper most rules are written with. The metadata
// rules (audit-rules.ts) and the performance rules (performance*.ts) both build on this
// file, so neither imports the other.

import type { InappCampaign } from "../batch/inapp-campaign.js";
import type { Orchestration } from "../batch/orchestration.js";
import type { PerformanceFigures } from "./performance-figures.js";

export type Severity = "high" | "medium" | "low";
export const SEVERITIES: readonly Severity[] = ["high", "medium", "low"];

export interface AuditContext {
  /** Milliseconds since the epoch. */
  now: number;
  staleDays: number;
  /** Recent figures per orchestration id, when the audit looks at performance. */
  performance?: ReadonlyMap<string, PerformanceFigures>;
}

/** One occurrence of a finding: the items concerned and what to say about them. */
export interface Case<T> {
  items: T[];
  note?: string;
}

interface RuleInfo {
  id: string;
  title: string;
  severity: Severity;
  /** One sentence for the assistant: why this matters. */
  why: string;
}

export interface OrchestrationRule extends RuleInfo {
  appliesTo: "orchestrations";
  cases(items: readonly Orchestration[], ctx: AuditContext): Case<Orchestration>[];
}

export interface InappRule extends RuleInfo {
  appliesTo: "inapp";
  cases(items: readonly InappCampaign[], ctx: AuditContext): Case<InappCampaign>[];
}

export type AuditRule = OrchestrationRule | InappRule;

/** A per-item rule: every item the predicate holds for is a case of its own. */
export function each<T>(holds: (item: T, ctx: AuditContext) => boolean, note?: (item: T, ctx: AuditContext) => string) {
  return (items: readonly T[], ctx: AuditContext): Case<T>[] =>
    items.filter((item) => holds(item, ctx)).map((item) => ({ items: [item], ...(note && { note: note(item, ctx) }) }));
}
