// The compact view of an in-app campaign: the structured summary and its one text line.

import { isPast } from "../../batch/dates.js";
import type { InappCampaign, InappTrigger } from "../../batch/inapp-campaign.js";
import { targetingText } from "./targeting.js";
import { compactDate, compactDateTime, fields, plural } from "./text.js";

export interface InappCampaignSummary {
  token: string;
  name: string;
  live: boolean;
  from_api: boolean;
  dev_only: boolean;
  created_date?: string;
  end_date?: string;
  /** Live although its end date has passed: worth a look in an audit. */
  past_end_date?: true;
  trigger?: string;
  targeting: string;
  uri: string;
}

export function inappCampaignUri(token: string): string {
  return `batch://inapp-campaigns/${encodeURIComponent(token)}`;
}

function singular(unit: string): string {
  return unit.endsWith("s") ? unit.slice(0, -1) : unit;
}

/** `next_session, at most 10 times, every 2 hours`. */
export function triggerText(t: InappTrigger | undefined): string | undefined {
  if (!t) return undefined;
  const grace = t.grace_period;
  const unit = grace?.unit && singular(grace.unit);
  return [
    t.when,
    t.capping !== undefined && t.capping > 0 && `at most ${t.capping === 1 ? "once" : plural(t.capping, "time")}`,
    unit && grace?.every !== undefined && (grace.every === 1 ? `every ${unit}` : `every ${grace.every} ${unit}s`),
  ]
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .join(", ") || undefined;
}

export function summarizeInappCampaign(c: InappCampaign, now: number = Date.now()): InappCampaignSummary {
  const trigger = triggerText(c.trigger);
  return {
    token: c.token,
    name: c.name,
    live: c.live,
    from_api: c.from_api,
    dev_only: c.dev_only,
    ...(c.created_date && { created_date: c.created_date }),
    ...(c.end_date && { end_date: c.end_date }),
    ...(c.live && isPast(c.end_date, now) && { past_end_date: true as const }),
    ...(trigger && { trigger }),
    targeting: targetingText(c.query),
    uri: inappCampaignUri(c.token),
  };
}

/** `"Name" live · API · created … · ends … PAST · trigger … · query: … · token`. */
export function inappCampaignLine(s: InappCampaignSummary): string {
  return fields(
    `"${s.name}" ${s.live ? "live" : "not live"}`,
    s.from_api ? "API" : "dashboard",
    s.dev_only && "DEV ONLY",
    s.created_date && `created ${compactDate(s.created_date)}`,
    s.end_date && `ends ${compactDateTime(s.end_date)}${s.past_end_date ? " ⚠ PAST END DATE, still live" : ""}`,
    s.trigger,
    s.targeting,
    s.token,
  );
}

export interface InappTotals {
  live: number;
  not_live: number;
  live_past_end_date: number;
}

export function inappTotals(items: readonly InappCampaignSummary[]): InappTotals {
  const live = items.filter((c) => c.live).length;
  return { live, not_live: items.length - live, live_past_end_date: items.filter((c) => c.past_end_date).length };
}

export function inappTotalsLine(t: InappTotals): string {
  const past = t.live_past_end_date ? ` (${t.live_past_end_date} past their end date)` : "";
  return `Live: ${t.live}${past} | Not live: ${t.not_live}`;
}
