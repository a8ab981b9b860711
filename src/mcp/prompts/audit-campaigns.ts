// The audit_campaigns prompt: lists orchestrations and/or in-app campaigns (bounded),
// runs the audit rules over them in code, and hands the assistant the findings with
// instructions to explain them and propose actions.

import type { McpServer, GetPromptResult } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { AuditData } from "../../insights/audit.js";
import { collect, START } from "../../batch/collect.js";
import { asDeadlineError, deadlineIn, describeBudget, untilDeadline, type Deadline } from "../../batch/deadline.js";
import { BatchApiError } from "../../batch/errors.js";
import type { InappCampaign } from "../../batch/inapp-campaign.js";
import { INAPP_PAGE_SIZE } from "../../batch/inapp-endpoint.js";
import { type Orchestration } from "../../batch/orchestration.js";
import { EVERY_ORCHESTRATION } from "../../batch/orchestrations-endpoint.js";
import type { Page } from "../../batch/pages.js";
import { describeBatchError } from "../error-messages.js";
import { fitAuditText } from "../format/audit.js";
import { inappResource } from "../resources/inapp-campaigns.js";
import { remember, type ResourceKind } from "../resources/kind.js";
import { orchestrationResource } from "../resources/orchestrations.js";
import type { Services } from "../services.js";
import { PERFORMANCE_MAX, readPerformance } from "./audit-performance.js";

/** Items listed per kind: the audit reads at most this many of each. */
export const AUDIT_CAP = 1000;
/** Pages of 100 hold the cap with room for short pages. */
const AUDIT_MAX_PAGES = 20;
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
      `"true" also judges how running orchestrations performed over the last 30 days (bounces, unsubscribes, silent automations, low opens, settled A/B tests). ` +
        `It costs one stats request per running orchestration (up to ${PERFORMANCE_MAX}) at Batch's pace of about 1 per second; what the time budget does not cover is fetched in the background for the next audit. Default "false".`,
    ),
});

interface Source<T> {
  noun: string;
  what: string;
  resource: ResourceKind<T>;
  pages(services: Services, start: string | undefined, signal: AbortSignal): AsyncIterable<Page<T>>;
}

const orchestrations: Source<Orchestration> = {
  noun: "orchestrations",
  what: "every status and type",
  resource: orchestrationResource,
  pages: (services, start, signal) =>
    services.client.orchestrationPages(EVERY_ORCHESTRATION, start, signal),
};

const inapp: Source<InappCampaign> = {
  noun: "in-app campaigns",
  what: "live or not",
  resource: inappResource,
  pages: (services, start, signal) =>
    services.client.inappCampaignPages({}, start, signal, { concurrency: services.config.inappConcurrency, pagesWanted: AUDIT_CAP / INAPP_PAGE_SIZE }),
};

/** Lists one kind through the shared collector, within the audit's time budget; a Batch failure becomes a line, not a crash. */
async function gather<T>(services: Services, source: Source<T>, signal: AbortSignal, deadline: Deadline): Promise<{ items?: T[]; line: string }> {
  try {
    const c = await collect({
      pages: (start) => source.pages(services, start, untilDeadline(signal, deadline)),
      start: START,
      cap: AUDIT_CAP,
      matches: () => true,
      key: source.resource.key,
      maxPages: AUDIT_MAX_PAGES,
      stop: deadline.signal,
    });
    remember(services, source.resource, c.items);
    const notes = [
      c.stoppedBy === "time" && `listing stopped at the time budget (${describeBudget(deadline.budgetMs)}); findings cover these only`,
      c.hasMore && c.stoppedBy !== "time" && `more exist past the audit's cap of ${AUDIT_CAP}; findings cover these only`,
      c.failure && `a page failed, so the list is partial. ${describeBatchError(c.failure)}`,
      ...c.warnings,
    ].filter((n): n is string => typeof n === "string");
    return { items: c.items, line: [`${c.items.length} ${source.noun} (${source.what})`, ...notes].join("; ") };
  } catch (error) {
    const reason = asDeadlineError(error, deadline, signal);
    if (reason instanceof BatchApiError && reason.kind !== "aborted") return { line: `${source.noun}: not audited. ${describeBatchError(reason)}` };
    throw error;
  }
}

export interface AuditOptions {
  scope: Scope;
  staleDays: number;
  performance: boolean;
}

export async function auditCampaigns(services: Services, { scope, staleDays, performance }: AuditOptions, signal: AbortSignal, now = Date.now()): Promise<GetPromptResult> {
  // Prompts get no tool context: the audit keeps its own time budget.
  const deadline = deadlineIn(services.config.timeBudgetMs);
  const wanted = (s: Scope) => scope === "all" || scope === s;
  const [o, i] = await Promise.all([
    wanted("orchestrations") ? gather(services, orchestrations, signal, deadline) : undefined,
    wanted("inapp") ? gather(services, inapp, signal, deadline) : undefined,
  ]);
  const data: AuditData = { ...(o?.items && { orchestrations: o.items }), ...(i?.items && { inapp: i.items }) };
  const perf = performance && o?.items ? await readPerformance(services, o.items, deadline, signal, new Date(now)) : undefined;
  // The rules load on the first audit: start-up does not pay for them.
  const { runAudit, performanceFigures } = await import("../../insights/audit.js");
  const figures = perf && new Map([...perf.stats].map(([id, stats]) => [id, performanceFigures(stats, perf.range.to)]));
  const findings = runAudit(data, { now, staleDays, ...(figures && { performance: figures }) });
  const scanned = [o?.line, i?.line, ...(perf?.lines ?? [])].filter((l): l is string => l !== undefined);
  const report = { asOf: new Date(now).toISOString(), scope, staleDays, performance, scanned, findings };
  const text = fitAuditText(report, services.config.maxResultChars, (kind, key) => services.handles.for(kind).handle(key));
  return {
    description: `Campaign audit (${scope}): ${findings.length} finding(s)`,
    messages: [{ role: "user", content: { type: "text", text } }],
  };
}

export function registerAuditPrompt(server: McpServer, services: Services): void {
  server.registerPrompt(
    "audit_campaigns",
    {
      title: "Audit Batch campaigns",
      description:
        `Audits the project's orchestrations and/or in-app campaigns (up to ${AUDIT_CAP} of each): live campaigns past their end date, running orchestrations past their end time, ` +
        "stale drafts, endless recurring sends, unlabelled orchestrations, duplicate names, triggers without a message step, live dev_only in-app campaigns. " +
        `With performance "true", also high bounce or unsubscribe rates, silent automations, low open rates and settled A/B tests over the last 30 days (one paced stats request per running orchestration, up to ${PERFORMANCE_MAX}: about a second each). ` +
        "Returns the computed findings with the items concerned, and asks the assistant to explain them and propose actions.",
      argsSchema: args,
    },
    (a, ctx) => auditCampaigns(services, { scope: a.scope ?? "all", staleDays: Number(a.stale_days ?? 30), performance: a.performance === "true" }, ctx.mcpReq.signal),
  );
}
