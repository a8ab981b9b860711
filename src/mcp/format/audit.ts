// The audit prompt's text: what was scanned, the computed findings with the items
// concerned (name and handle; the handle reads the full object as a resource), and what
// the assistant should do with them.

import type { Case } from "../../insights/audit-rules.js";
import type { Finding } from "../../insights/audit.js";
import { inappResource } from "../resources/inapp-campaigns.js";
import type { ResourceKind } from "../resources/kind.js";
import { orchestrationResource } from "../resources/orchestrations.js";
import { fields, plural } from "./text.js";

/** Past this many cases a finding lists the first ones and says how many more there are. */
export const MAX_CASES_SHOWN = 20;

export interface AuditReport {
  asOf: string;
  scope: string;
  staleDays: number;
  /** Whether the performance rules ran. */
  performance?: boolean;
  /** One line per kind: what was scanned, or why it could not be. */
  scanned: string[];
  findings: Finding[];
}

/** How the text names an item of a kind: its handle (the full key when none is given). */
export type HandleOf = <T>(kind: ResourceKind<T>, key: string) => string;

const fullKey: HandleOf = (_kind, key) => key;

function itemText<T>(kind: ResourceKind<T>, item: T, handle: HandleOf): string {
  return `"${kind.name(item)}" (${handle(kind, kind.key(item))})`;
}

/** Members of a group (campaigns sharing a name) shown before counting the rest. */
export const MAX_GROUP_ITEMS = 10;

function caseLines<T>(kind: ResourceKind<T>, c: Case<T>, handle: HandleOf): string[] {
  const [only] = c.items;
  if (c.items.length === 1 && only !== undefined) return [`   - ${fields(itemText(kind, only, handle), c.note)}`];
  const rest = c.items.length - MAX_GROUP_ITEMS;
  return [
    `   - ${c.note ?? "group"}: ${plural(c.items.length, "item")}`,
    ...c.items.slice(0, MAX_GROUP_ITEMS).map((item) => `     - ${itemText(kind, item, handle)}`),
    ...(rest > 0 ? [`     - … and ${rest} more`] : []),
  ];
}

function findingLines(finding: Finding, index: number, shown: number, handle: HandleOf): string[] {
  const { rule } = finding;
  const lines =
    finding.kind === "orchestrations"
      ? finding.cases.slice(0, shown).flatMap((c) => caseLines(orchestrationResource, c, handle))
      : finding.cases.slice(0, shown).flatMap((c) => caseLines(inappResource, c, handle));
  const more = Math.max(0, finding.cases.length - shown);
  return [
    `${index + 1}. [${rule.severity}] ${rule.title} (${rule.id}): ${plural(finding.cases.length, "case")}`,
    `   Why it matters: ${rule.why}`,
    ...lines,
    ...(more > 0 ? [`   - … and ${more} more not shown here (the list tools show every item).`] : []),
  ];
}

const INSTRUCTIONS = [
  "Please:",
  "1. Explain each finding in plain language for the marketing/CRM team: what it means for these campaigns and why it matters.",
  "2. Propose a concrete action for each (for example: stop or archive it, set or fix an end date, add labels, rename, delete the draft, check the dev_only flag; for performance findings: clean the audience behind a bounce rate, review content or frequency behind unsubscribes, check the trigger or segment of a silent automation, end an A/B test on its winner), most severe first, naming the campaigns concerned.",
  "3. When an item's details matter, read it in full as a resource: batch://orchestrations/{handle} or batch://inapp-campaigns/{handle}; get_orchestration_stats and compare_orchestrations take handles too.",
  "Report only these findings; do not invent others. If there are none, say the audit found nothing to fix within what was scanned.",
];

/** `shown`: cases listed per finding before the rest are counted (fewer when the text must fit the response budget). */
export function auditText(report: AuditReport, shown = MAX_CASES_SHOWN, handle: HandleOf = fullKey): string {
  const head = [
    `Audit of this Batch project's campaigns as of ${report.asOf} (scope: ${report.scope}, stale_days: ${report.staleDays}${report.performance ? ", performance: true" : ""}).`,
    ...report.scanned.map((s) => `Scanned: ${s}`),
    "",
  ];
  const body = report.findings.length
    ? [`${plural(report.findings.length, "finding")}, computed by the server from the listed data (items named by handle):`, "", ...report.findings.flatMap((f, i) => [...findingLines(f, i, shown, handle), ""])]
    : ["No findings: no rule matched the listed data.", ""];
  return [...head, ...body, ...INSTRUCTIONS].join("\n");
}
