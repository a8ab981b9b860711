// GET {base}/1.1/{apiKey}/in-app-campaigns/list (offset paging, a bare JSON array,
// newest first) and GET {base}/1.1/{apiKey}/in-app-campaigns/{token}.

import { BatchApiError } from "./errors.js";
import { isRecord } from "./json.js";
import { parseInappCampaign, type InappCampaign } from "./inapp-campaign.js";
import type { Page } from "./pages.js";

export const INAPP_PAGE_SIZE = 100;

export interface InappQuery {
  live?: boolean;
  from_api?: boolean;
}

// The API key is a path segment; request.ts redacts it wherever a URL becomes text.
function v1Base(base: string, apiKey: string): string {
  return `${base}/1.1/${encodeURIComponent(apiKey)}/in-app-campaigns`;
}

export function inappListUrl(base: string, apiKey: string, query: InappQuery, offset: number): URL {
  const url = new URL(`${v1Base(base, apiKey)}/list`);
  url.searchParams.set("from", String(offset));
  url.searchParams.set("limit", String(INAPP_PAGE_SIZE));
  if (query.live !== undefined) url.searchParams.set("live", String(query.live));
  if (query.from_api !== undefined) url.searchParams.set("from_api", String(query.from_api));
  return url;
}

export function inappCampaignUrl(base: string, apiKey: string, token: string): URL {
  return new URL(`${v1Base(base, apiKey)}/${encodeURIComponent(token)}`);
}

/** Offsets travel as page positions: undefined for the first page, else the decimal offset. */
export function offsetOf(position: string | undefined): number {
  return position === undefined ? 0 : Number(position);
}

export function positionOf(offset: number): string | undefined {
  return offset === 0 ? undefined : String(offset);
}

function invalid(operation: string, message: string): BatchApiError {
  return new BatchApiError({ kind: "invalid-response", api: "v1.1", operation, retryable: false, batchMessage: message });
}

// Documented as a bare array; an object wrapping one array (say {"campaigns": [...]}) is accepted too.
function campaignArray(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (!isRecord(body)) return undefined;
  const arrays = Object.values(body).filter(Array.isArray);
  return arrays.length === 1 ? arrays[0] : undefined;
}

/**
 * A page shorter than asked for is the last one. The next offset counts what Batch
 * actually sent, so a page longer than asked for skips nothing.
 */
export function parseInappPage(body: unknown, offset: number): Page<InappCampaign> {
  const list = campaignArray(body);
  if (!list) throw invalid("list in-app campaigns", "the response is not a JSON array of campaigns");
  const items = list.map(parseInappCampaign).filter((c): c is InappCampaign => c !== undefined);
  const dropped = list.length - items.length;
  const warnings = dropped > 0 ? [`${dropped} in-app campaign(s) without a token were skipped.`] : [];
  const next = list.length >= INAPP_PAGE_SIZE ? String(offset + list.length) : undefined;
  return { items, position: positionOf(offset), next, warnings };
}

export function parseInappCampaignBody(body: unknown, token: string): InappCampaign {
  const campaign = parseInappCampaign(body);
  if (!campaign) throw invalid("get in-app campaign", `the response for campaign ${token} is not a campaign object`);
  return campaign;
}
