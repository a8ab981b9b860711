// The v1.1 in-app campaign model and its tolerant parser. The list returns "basic
// information" only; the GET by token may add fields, which pass through in `raw`.

import { bool, firstOf, isRecord, num, str, type Json } from "./json.js";

export interface GracePeriod {
  every?: number;
  unit?: string;
}

export interface InappTrigger {
  when?: string;
  capping?: number;
  grace_period?: GracePeriod;
}

export interface InappCampaign {
  token: string;
  name: string;
  live: boolean;
  from_api: boolean;
  dev_only: boolean;
  created_date?: string;
  end_date?: string;
  trigger?: InappTrigger;
  /** The targeting query (Batch's query language), when one is set. */
  query?: Json;
  /** The object exactly as Batch returned it, for resources. */
  raw: Json;
}

function parseTrigger(value: unknown): InappTrigger | undefined {
  if (!isRecord(value)) return undefined;
  const grace = isRecord(value.grace_period) ? value.grace_period : undefined;
  const trigger: InappTrigger = {
    ...(str(value.when) && { when: str(value.when) }),
    ...(num(value.capping) !== undefined && { capping: num(value.capping) }),
    ...(grace && { grace_period: { every: num(grace.every), unit: str(grace.unit)?.toLowerCase() } }),
  };
  return Object.keys(trigger).length ? trigger : undefined;
}

/** Undefined when the item has no token: nothing could identify or open it. */
export function parseInappCampaign(value: unknown): InappCampaign | undefined {
  if (!isRecord(value)) return undefined;
  const token = str(firstOf(value, "campaign_token", "token"));
  if (!token) return undefined;
  const query = firstOf(value, "query", "targeting");
  const trigger = parseTrigger(value.trigger);
  return {
    token,
    name: str(value.name) ?? "(unnamed)",
    live: bool(value.live) ?? false,
    from_api: bool(value.from_api) ?? false,
    dev_only: bool(value.dev_only) ?? false,
    ...(str(value.created_date) && { created_date: str(value.created_date) }),
    ...(str(value.end_date) && { end_date: str(value.end_date) }),
    ...(trigger && { trigger }),
    ...(isRecord(query) && Object.keys(query).length > 0 && { query }),
    raw: value,
  };
}
