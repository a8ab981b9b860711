// Which campaigns a copy audit could read, and a plain reason for each one it could not:
// Batch has a content route for one-time push campaigns (2.x view) and in-app campaigns
// (v1.1 GET by token) only, and a fetch can fail or find no copy.

import type { CampaignContent, ContentKind } from "../batch/content.js";
import { VIEW_MIN_VERSION } from "../batch/content-endpoint.js";
import type { BatchApiError, BatchErrorReason } from "../batch/errors.js";
import type { Orchestration } from "../batch/orchestration.js";
import { word } from "../text/quote.js";

export type NotAuditedReason = "no_content_route" | BatchErrorReason | "no_copy_found" | "failed";

export interface NotAudited {
  kind: ContentKind;
  id: string;
  name?: string;
  reason: NotAuditedReason;
  /** One sentence: why its copy was not audited. */
  detail: string;
}

// Types Batch has no content route for, and what to call them.
const NO_ROUTE: Record<string, string> = {
  recurring: "recurring sends have no content route in Batch's API",
  trigger: "trigger automations have no content route in Batch's API",
  warmup: "warmups have no content route in Batch's API",
};

const BECAUSE: Record<BatchErrorReason, string> = {
  not_push: "Batch says it is not a one-time push campaign, the only kind its view route serves",
  unknown_id: "Batch does not know this id in the project",
  route_missing: `the API version in use has no view route: it needs version ${VIEW_MIN_VERSION} or later (set BATCH_API_VERSION)`,
};

/** True for what the view route serves: a one-time campaign with a push channel. */
export function hasContentRoute(o: Orchestration): boolean {
  return o.type === "campaign" && o.channels.includes("push");
}

/** Why Batch's API cannot show this orchestration's copy (for one that hasContentRoute refuses). */
export function routeGap(o: Orchestration): string {
  const gap = NO_ROUTE[o.type];
  if (gap) return gap;
  if (o.type === "campaign") {
    const channels = o.channels.length ? o.channels.map((c) => word(c)).join(" and ") : "no channel";
    return `a one-time campaign on ${channels}: Batch has a content route for push only`;
  }
  return `its type (${word(o.type)}) has no content route: Batch's view route serves one-time push campaigns only`;
}

/** Splits listed orchestrations into those whose copy can be fetched and the others, with why. */
export function copyAuditScope(orchestrations: readonly Orchestration[]): { fetch: Orchestration[]; notAudited: NotAudited[] } {
  const fetch: Orchestration[] = [];
  const notAudited: NotAudited[] = [];
  for (const o of orchestrations) {
    if (hasContentRoute(o)) fetch.push(o);
    else notAudited.push({ kind: "orchestration", id: o.id, name: o.name, reason: "no_content_route", detail: routeGap(o) });
  }
  return { fetch, notAudited };
}

/** A campaign whose copy could not be fetched: Batch's reason when it gave one, else the error itself. */
export function notAuditedAfter(item: { kind: ContentKind; id: string; name?: string }, error: BatchApiError): NotAudited {
  const detail = error.reason ? BECAUSE[error.reason] : `its copy could not be fetched: ${error.message}`;
  return { ...item, reason: error.reason ?? "failed", detail };
}

/** Fetched campaigns in which no copy was found: audited as nothing, so named instead. */
export function withoutCopy(contents: readonly CampaignContent[]): NotAudited[] {
  return contents
    .filter((c) => c.messages.length === 0)
    .map((c) => ({
      kind: c.kind,
      id: c.id,
      ...(c.name !== undefined && { name: c.name }),
      reason: "no_copy_found",
      detail: c.warnings[0] ?? "no copy was found in Batch's answer",
    }));
}
