// GET {base}/{version}/orchestrations/view?orchestration_id=… ("View push campaign details",
// version 2.11 and later): the URL with its version rule, the tolerant parser, and what an
// error answer meant. It serves one-time push campaigns only; Batch's page lists two errors
// of its own: an orchestration that is not a push campaign, and an id that matches none.

import { BatchApiError, type BatchErrorReason } from "./errors.js";
import { NO_COPY_FOUND, readMessages, type CampaignContent } from "./content.js";
import { isRecord, str } from "./json.js";

export const VIEW_OPERATION = "get push campaign content";

/** The first API version with the view route. */
export const VIEW_MIN_VERSION = "2.11";

function versionParts(version: string): number[] | undefined {
  if (!/^\d+(\.\d+)*$/.test(version.trim())) return undefined;
  return version.trim().split(".").map(Number);
}

/** Numeric, part by part: "2.9" < "2.10" < "2.11" < "3.0". Unreadable versions sort first. */
export function compareApiVersions(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)];
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

/** The configured version when it has the view route, else the first one that does. */
export function viewApiVersion(configured: string): string {
  return versionParts(configured) && compareApiVersions(configured, VIEW_MIN_VERSION) >= 0 ? configured.trim() : VIEW_MIN_VERSION;
}

export function orchestrationViewUrl(base: string, configuredVersion: string, orchestrationId: string): URL {
  const url = new URL(`${base}/${encodeURIComponent(viewApiVersion(configuredVersion))}/orchestrations/view`);
  url.searchParams.set("orchestration_id", orchestrationId);
  return url;
}

// Fields of the answer that describe the campaign, not its copy.
const LISTED = new Set(["id", "type", "name", "status", "source", "labels", "created_date", "updated_date", "start_time", "end_time", "targeting"]);

function copyPart(body: Record<string, unknown>): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  for (const key in body) if (!LISTED.has(key)) part[key] = body[key];
  return part;
}

const TYPE_ALIASES: Record<string, string> = { onetime: "campaign", one_time: "campaign" };

export function parseOrchestrationContent(body: unknown, orchestrationId: string): CampaignContent {
  if (!isRecord(body)) {
    throw new BatchApiError({
      kind: "invalid-response",
      api: "v2",
      operation: VIEW_OPERATION,
      retryable: false,
      batchMessage: "the response is not a JSON object",
    });
  }
  const messages = readMessages(copyPart(body));
  const status = str(body.status)?.toLowerCase();
  const type = str(body.type)?.toLowerCase();
  const name = str(body.name);
  const start = str(body.start_time);
  return {
    kind: "orchestration",
    id: str(body.id) ?? orchestrationId,
    ...(name !== undefined && { name }),
    ...(status !== undefined && { status }),
    ...(type !== undefined && { type: TYPE_ALIASES[type] ?? type }),
    ...(start !== undefined && { start_time: start }),
    live: status === "running",
    messages,
    warnings: messages.length ? [] : [NO_COPY_FOUND],
    raw: body,
  };
}

// Batch's messages on the view page: "The provided id resolves to an orchestration that is not
// a push campaign." and "The provided orchestration id does not match any orchestration."
const NOT_PUSH = /not an? push|not_?a_?push|not a one-?time push/i;
const UNKNOWN_ID = /does ?n[o']?t match any|unknown|not[_ ]?found|no such|does ?n[o']?t exist|invalid_\w*id/i;
const ROUTE = /route/i;

/**
 * What an error answer from the view route meant. A 404 is an unknown id when Batch says so,
 * and otherwise the route itself missing (a version before 2.11, or a proxy's page).
 */
export function viewErrorReason(error: BatchApiError): BatchErrorReason | undefined {
  if (error.kind !== "http") return undefined;
  const said = `${error.code ?? ""} ${error.batchMessage ?? ""}`;
  if (NOT_PUSH.test(said)) return "not_push";
  if (error.status === 404 && (ROUTE.test(said) || said.trim() === "")) return "route_missing";
  if ((error.status === 400 || error.status === 404) && UNKNOWN_ID.test(said)) return "unknown_id";
  return error.status === 404 ? "unknown_id" : undefined;
}
