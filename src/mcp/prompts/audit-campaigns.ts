// The audit_campaigns prompt: lists orchestrations and/or in-app campaigns (bounded),
// runs the audit rules over them in code, and hands the assistant the findings with
// instructions to explain them and propose actions.

import { ProtocolError, ProtocolErrorCode, type GetPromptResult, type ServerContext } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { AuditData } from "../../insights/audit.js";
import { asDeadlineError, deadlineIn, describeBudget, type Deadline } from "../../batch/deadline.js";
import { BatchApiError } from "../../batch/errors.js";
import type { InappCampaign } from "../../batch/inapp-campaign.js";
import type { Orchestration } from "../../batch/orchestration.js";
import { AUDIT_CAP, auditedInappCampaigns, auditedOrchestrations, listForAudit, type AuditSource } from "../../workspace/audit/list-for-audit.js";
import { PERFORMANCE_MAX, readPerformance } from "../../workspace/audit/read-performance.js";
import { COPY_MAX, readCopy } from "../../workspace/audit/read-copy.js";
import type { Services } from "../../workspace/services.js";
import { ProjectLookupError } from "../../projects/index.js";
import { DEFAULT_URI_BASE } from "../../workspace/kinds/uris.js";
import { projectInput } from "../../workspace/project-input.js";
import type { Speaker } from "../speaker.js";
import { describeBatchError } from "../error-messages.js";
import { fitAuditText, type AuditFinding } from "../format/audit.js";
import { performanceLines } from "./audit-performance.js";
import { copyLines } from "./audit-copy.js";

const SCOPES = ["all", "orchestrations", "inapp"] as const;
type Scope = (typeof SCOPES)[number];

const args = z.object({
  scope: z
    .enum(SCOPES)
    .optional()
    .describe('What to audit: "orchestrations" (push/email/SMS campaigns, recurring, triggers), "inapp" (in-app campaigns) or "all" (default).'),
  stale_days: z
    .string()
    .regex(/^\d{1,4}$/, "stale_days must be a whole number of days, e.g. 30")
    .refine((v) => Number(v) >= 1, "stale_days must be at least 1")
    .optional()
    .describe("Drafts created more than this many days ago count as stale (default 30)."),
  performance: z
    .enum(["true", "false"])
    .optional()
    .describe(
      `"true" also judges how running orchestrations performed over the last 30 days (bounces, unsubscribes, silent automations, low opens, settled A/B tests) and against the 30 days before (opens or clicks fallen by a quarter, bounces doubled). ` +
        `It costs one stats request per running orchestration, covering the 60 days, (up to ${PERFORMANCE_MAX}) at Batch's pace of about 1 per second; what the time budget does not cover is fetched in the background for the next audit. Default "false".`,
    ),
  content: z
    .enum(["true", "false"])
    .optional()
    .describe(
      `"true" also reads and judges the copy of running and draft one-time push campaigns and of live in-app campaigns (empty languages, buttons that do nothing, tags without a default, http:// links, missing languages, push text too long, no deeplink, duplicate copy). ` +
        `It costs one request per campaign (up to ${COPY_MAX} of each kind; push ones at Batch's pace of about 1 per second), cached 10 minutes; what the time budget does not cover is fetched in the background for the next audit. Default "false".`,
    ),
});

/** With named projects (BATCH_MCP_CONFIG, demo mode), which one to audit. */
const withProject = args.extend({ project: projectInput.describe("The project to audit, by name as list_projects gives it (default: the default project); all its apps are audited.") });
type AuditArgs = z.infer<typeof withProject>;

/** A kind the audit lists, and how its scan line names it. */
interface AuditedKind<T> {
  noun: string;
  what: string;
  source: AuditSource<T>;
}

const orchestrations: AuditedKind<Orchestration> = { noun: "orchestrations", what: "every status and type", source: auditedOrchestrations };
const inapp: AuditedKind<InappCampaign> = { noun: "in-app campaigns", what: "live or not", source: auditedInappCampaigns };

/** Lists one kind within the audit's time budget; a Batch failure becomes a line, not a crash. */
async function gather<T>(services: Services, kind: AuditedKind<T>, signal: AbortSignal, deadline: Deadline): Promise<{ items?: T[]; line: string }> {
  try {
    const c = await listForAudit(services, kind.source, signal, deadline);
    const notes = [
      c.stoppedBy === "time" && `listing stopped at the time budget (${describeBudget(deadline.budgetMs)}); findings cover these only`,
      c.hasMore && c.stoppedBy !== "time" && `more exist past the audit's cap of ${AUDIT_CAP}; findings cover these only`,
      c.failure && `a page failed, so the list is partial. ${describeBatchError(c.failure)}`,
      ...c.warnings,
    ].filter((n): n is string => typeof n === "string");
    return { items: c.items, line: [`${c.items.length} ${kind.noun} (${kind.what})`, ...notes].join("; ") };
  } catch (error) {
    // A project without apps has no in-app campaigns to audit: said like any other reason.
    if (error instanceof ProjectLookupError) return { line: `${kind.noun}: not audited. ${error.message}` };
    const reason = asDeadlineError(error, deadline, signal);
    if (reason instanceof BatchApiError && reason.kind !== "aborted") return { line: `${kind.noun}: not audited. ${describeBatchError(reason)}` };
    throw error;
  }
}

export interface AuditOptions {
  scope: Scope;
  staleDays: number;
  performance: boolean;
  content?: boolean;
}

export async function auditCampaigns(services: Services, { scope, staleDays, performance, content = false }: AuditOptions, signal: AbortSignal, now = Date.now()): Promise<GetPromptResult> {
  // Prompts get no tool context: the audit keeps its own time budget.
  const deadline = deadlineIn(services.config.timeBudgetMs);
  const wanted = (s: Scope) => scope === "all" || scope === s;
  const [o, i] = await Promise.all([
    wanted("orchestrations") ? gather(services, orchestrations, signal, deadline) : undefined,
    wanted("inapp") ? gather(services, inapp, signal, deadline) : undefined,
  ]);
  const data: AuditData = { ...(o?.items && { orchestrations: o.items }), ...(i?.items && { inapp: i.items }) };
  // Both passes read at Batch's pace within the same budget; the pacer keeps them to one request at a time per project.
  const [perf, copy] = await Promise.all([
    performance && o?.items ? readPerformance(services, o.items, deadline, signal, new Date(now)) : undefined,
    content && (o?.items || i?.items) ? readCopy(services, { orchestrations: o?.items, inapp: i?.items }, deadline, signal) : undefined,
  ]);
  const perfLines = perf && performanceLines(perf, services, deadline.budgetMs);
  // The rules load on the first audit: start-up does not pay for them.
  const { runAudit, performanceFigures, runCopyAudit, SEVERITIES } = await import("../../insights/audit.js");
  const figures = perf && new Map([...perf.stats].map(([id, stats]) => [id, performanceFigures(stats, perf.range.to, perf.read.from)]));
  const findings: AuditFinding[] = [...runAudit(data, { now, staleDays, ...(figures && { performance: figures }) }), ...(copy ? runCopyAudit(copy.contents) : [])];
  // Most severe first across the tables; within a severity, the listing rules before the copy rules (a stable sort).
  findings.sort((a, b) => SEVERITIES.indexOf(a.rule.severity) - SEVERITIES.indexOf(b.rule.severity));
  const scanned = [o?.line, i?.line, ...(perfLines ?? []), ...(copy ? copyLines(copy, services, deadline.budgetMs) : [])].filter((l): l is string => l !== undefined);
  const project = services.uriBase === DEFAULT_URI_BASE ? undefined : { name: services.project.name, uriBase: services.uriBase };
  const report = { asOf: new Date(now).toISOString(), scope, staleDays, performance, content, scanned, findings, ...(project && { project }) };
  const text = fitAuditText(report, services.config.maxResultChars, (kind, key) => services.handles.for(kind).handle(key));
  return {
    description: `Campaign audit (${scope}): ${findings.length} finding(s)`,
    messages: [{ role: "user", content: { type: "text", text } }],
  };
}

/** The audit of the project named (or the default one), as the caller's grant allows: an
 *  unknown or unseen project is the same invalid argument. */
function run({ grant }: Speaker, services: Services, a: AuditArgs, ctx: ServerContext): Promise<GetPromptResult> {
  let target: Services;
  try {
    target = services.workspaces.select(grant, { project: a.project });
  } catch (error) {
    if (error instanceof ProjectLookupError) throw new ProtocolError(ProtocolErrorCode.InvalidParams, error.message);
    throw error;
  }
  return auditCampaigns(target, { scope: a.scope ?? "all", staleDays: Number(a.stale_days ?? 30), performance: a.performance === "true", content: a.content === "true" }, ctx.mcpReq.signal);
}

export function registerAuditPrompt(speaker: Speaker, services: Services): void {
  const metadata = {
    title: "Audit Batch campaigns",
    description:
      `Audits the project's orchestrations and/or in-app campaigns (up to ${AUDIT_CAP} of each): live campaigns past their end date, running orchestrations past their end time, ` +
      "stale drafts, endless recurring sends, unlabelled orchestrations, duplicate names, triggers without a message step, live dev_only in-app campaigns. " +
      `With performance "true", also high bounce or unsubscribe rates, silent automations, low open rates and settled A/B tests over the last 30 days, and significant falls in opens or clicks or a doubled bounce rate against the 30 days before (one paced stats request per running orchestration covering both, up to ${PERFORMANCE_MAX}: about a second each). ` +
      `With content "true", also the copy of running and draft one-time push campaigns and live in-app campaigns (up to ${COPY_MAX} of each: empty languages, dead buttons, tags without a default, http:// links, missing languages, long push text, no deeplink, duplicates). ` +
      "Returns the computed findings with the items concerned, and asks the assistant to explain them and propose actions.",
  };
  // The project argument only where projects have names: a single-project server keeps its three.
  if (services.config.namedProjects) {
    speaker.server.registerPrompt("audit_campaigns", { ...metadata, argsSchema: withProject }, (a, ctx) => run(speaker, services, a, ctx));
  } else {
    speaker.server.registerPrompt("audit_campaigns", { ...metadata, argsSchema: args }, (a, ctx) => run(speaker, services, a, ctx));
  }
}
