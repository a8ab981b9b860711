// What the audit reads: each kind listed through the shared collector, up to a cap and
// within the audit's time budget, and remembered, since the audit text names items by
// handle and the assistant may read any of them as a resource.

import { collect, START, type Collected } from "../../batch/collect.js";
import { untilDeadline, type Deadline } from "../../batch/deadline.js";
import { INAPP_PAGE_SIZE } from "../../batch/inapp-endpoint.js";
import type { Orchestration } from "../../batch/orchestration.js";
import { EVERY_ORCHESTRATION } from "../../batch/orchestrations-endpoint.js";
import type { Page } from "../../batch/pages.js";
import { projectInappPages, type AppCampaign } from "../apps/inapp-pages.js";
import { inappKind } from "../kinds/inapp-campaigns.js";
import type { ItemKind } from "../kinds/item-kind.js";
import { orchestrationKind } from "../kinds/orchestrations.js";
import { remember } from "../kinds/remember.js";
import type { Services } from "../services.js";

/** Items listed per kind: the audit reads at most this many of each. */
export const AUDIT_CAP = 1000;
/** Pages of 100 hold the cap with room for short pages. */
const AUDIT_MAX_PAGES = 20;

export interface AuditSource<T> {
  kind: ItemKind<T>;
  pages(services: Services, start: string | undefined, signal: AbortSignal): AsyncIterable<Page<T>>;
}

/** Every status and type. */
export const auditedOrchestrations: AuditSource<Orchestration> = {
  kind: orchestrationKind,
  pages: (services, start, signal) => services.client.orchestrationPages(EVERY_ORCHESTRATION, start, signal),
};

/** Live or not, of every app of the project (merged newest first). */
export const auditedInappCampaigns: AuditSource<AppCampaign> = {
  kind: inappKind,
  pages: (services, start, signal) => projectInappPages(services, {}, start, signal, AUDIT_CAP / INAPP_PAGE_SIZE),
};

/** Throws what the first page throws; a later page's failure is in the result, with what came before. */
export async function listForAudit<T>(services: Services, source: AuditSource<T>, signal: AbortSignal, deadline: Deadline): Promise<Collected<T>> {
  const collected = await collect({
    pages: (start) => source.pages(services, start, untilDeadline(signal, deadline)),
    start: START,
    cap: AUDIT_CAP,
    matches: () => true,
    key: source.kind.key,
    maxPages: AUDIT_MAX_PAGES,
    stop: deadline.signal,
  });
  remember(services, source.kind, collected.items);
  return collected;
}
