// GET {base}/{version}/orchestrations/list: request building and page parsing.

import { BatchApiError } from "./errors.js";
import { isRecord, str } from "./json.js";
import { ORCHESTRATION_STATUSES, ORCHESTRATION_TYPES, parseOrchestration, type Orchestration } from "./orchestration.js";
import type { Page } from "./pages.js";

export const ORCHESTRATIONS_PAGE_SIZE = 100;

export interface OrchestrationQuery {
  status?: string[];
  type?: string[];
  channels?: string[];
}

/** Every status and type: Batch's list otherwise leaves out drafts and stopped ones. */
export const EVERY_ORCHESTRATION: OrchestrationQuery = { status: [...ORCHESTRATION_STATUSES], type: [...ORCHESTRATION_TYPES] };

export function orchestrationsListUrl(base: string, version: string, query: OrchestrationQuery, from?: string): URL {
  const url = new URL(`${base}/${encodeURIComponent(version)}/orchestrations/list`);
  url.searchParams.set("limit", String(ORCHESTRATIONS_PAGE_SIZE));
  if (from !== undefined) url.searchParams.set("from", from);
  // Arrays go form-style and exploded: status=running&status=draft.
  for (const key of ["status", "type", "channels"] as const) {
    for (const value of query[key] ?? []) url.searchParams.append(key, value);
  }
  return url;
}

/** Throws when the body is not the documented shape at all; everything else is tolerated. */
export function parseOrchestrationsPage(body: unknown, position: string | undefined): Page<Orchestration> {
  if (!isRecord(body) || !Array.isArray(body.orchestrations)) {
    throw new BatchApiError({
      kind: "invalid-response",
      api: "v2",
      operation: "list orchestrations",
      retryable: false,
      batchMessage: "the response has no `orchestrations` array",
    });
  }
  const warnings: string[] = [];
  const items = body.orchestrations.map(parseOrchestration).filter((o): o is Orchestration => o !== undefined);
  const dropped = body.orchestrations.length - items.length;
  if (dropped > 0) warnings.push(`${dropped} item(s) without an id were skipped.`);
  const nextFrom = str(body.next_from) || undefined;
  const hasMore = typeof body.has_more === "boolean" ? body.has_more : nextFrom !== undefined;
  if (hasMore && nextFrom === undefined) {
    warnings.push("Batch said more orchestrations exist but sent no cursor to fetch them; the listing stops here.");
  }
  return { items, position, next: hasMore ? nextFrom : undefined, warnings };
}
