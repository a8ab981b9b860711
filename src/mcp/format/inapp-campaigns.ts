// The compact view of an in-app campaign: the structured summary and its one text line.

import { isPast } from "../../batch/dates.js";
import type { InappCampaign, InappTrigger } from "../../batch/inapp-campaign.js";
import { inappCampaignUri } from "../../workspace/kinds/uris.js";
import { NAME_CHARS, quote, word } from "../../text/quote.js";
import { EVERYONE, QUERY_PREFIX, targetingText } from "./targeting.js";
import { compactDate, compactDateTime, countBy, fields, formatCounts, type Counts } from "./text.js";

/** The campaign's own fields, with trigger and targeting in words and its resource URI. */
export type InappCampaignSummary = Omit<InappCampaign, "raw" | "trigger" | "query"> & {
  /** Its app's name, in a project of several apps. */
  app?: string;
  /** Live although its end date has passed: worth a look in an audit. */
  past_end_date?: true;
  trigger?: string;
  targeting: string;
  uri: string;
  /** Short unique token prefix the text names it by. */
  handle: string;
};

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
    t.capping !== undefined && t.capping > 0 && `max ${t.capping === 1 ? "once" : `${t.capping}×`}`,
    unit && grace?.every !== undefined && (grace.every === 1 ? `every ${unit}` : `every ${grace.every} ${unit}s`),
  ]
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .join(", ") || undefined;
}

/** `uri`: its resource URI, in its project (default: the default project's). */
export function summarizeInappCampaign(c: InappCampaign & { app?: string }, handle: string, now: number = Date.now(), uri = inappCampaignUri(c.token)): InappCampaignSummary {
  const trigger = triggerText(c.trigger);
  return {
    token: c.token,
    name: c.name,
    ...(c.app !== undefined && { app: c.app }),
    live: c.live,
    from_api: c.from_api,
    dev_only: c.dev_only,
    ...(c.created_date && { created_date: c.created_date }),
    ...(c.end_date && { end_date: c.end_date }),
    ...(c.live && isPast(c.end_date, now) && { past_end_date: true as const }),
    ...(trigger && { trigger }),
    targeting: targetingText(c.query),
    uri,
    handle,
  };
}

/** The line shows the start of the targeting, quoted; structured content and the resource have it whole. */
const TARGETING_LINE_CHARS = 48;
/** A trigger in Batch's own words ("next_session max 10× every 2 hours") shows as it is; anything stranger, quoted. */
const PLAIN_TRIGGER = /^[\w ,×-]+$/;
const TRIGGER_CHARS = 60;

function triggerLine(trigger: string): string {
  return PLAIN_TRIGGER.test(trigger) ? trigger.replaceAll(",", "") : quote(trigger, TRIGGER_CHARS);
}

/** `query "age≥18 AND …"`: what the targeting tests, quoted (its keys and values are written by whoever set it up). */
function targetingLine(targeting: string): string | undefined {
  if (targeting === EVERYONE) return undefined;
  const what = targeting.startsWith(QUERY_PREFIX) ? targeting.slice(QUERY_PREFIX.length) : targeting;
  return `query ${quote(what, TARGETING_LINE_CHARS)}`;
}

/** What a line leaves out, said once in the listing's header. */
export const INAPP_LINE_DEFAULTS = "Lines omit the usual: made in the dashboard unless marked API, targeting everyone unless a query is shown.";

/** `0f3a9c2e "Name" live API · app iOS · created … · ends … PAST · next_session max 10× every 2 hours · query "…"` (the app in a project of several). */
export function inappCampaignLine(s: InappCampaignSummary, context: { year: number }): string {
  return fields(
    [s.handle, quote(s.name, NAME_CHARS), s.live ? "live" : "not live", s.from_api && "API", s.dev_only && "DEV ONLY"].filter(Boolean).join(" "),
    s.app !== undefined && `app ${word(s.app)}`,
    s.created_date && `created ${compactDate(s.created_date, context.year)}`,
    s.end_date && `ends ${compactDateTime(s.end_date, context.year)}${s.past_end_date ? " ⚠ PAST END, still live" : ""}`,
    s.trigger && triggerLine(s.trigger),
    targetingLine(s.targeting),
  );
}

export type InappTotals = {
  live: number;
  not_live: number;
  live_past_end_date: number;
  dev_only: number;
  from_api: number;
  /** Campaigns per app, in a project of several apps. */
  by_app?: Counts;
};

export function inappTotals(items: readonly InappCampaignSummary[]): InappTotals {
  const live = items.filter((c) => c.live).length;
  const ofApps = items.filter((c) => c.app !== undefined);
  return {
    live,
    not_live: items.length - live,
    live_past_end_date: items.filter((c) => c.past_end_date).length,
    dev_only: items.filter((c) => c.dev_only).length,
    from_api: items.filter((c) => c.from_api).length,
    ...(ofApps.length > 0 && { by_app: countBy(ofApps, (c) => c.app ?? "") }),
  };
}

export function inappTotalsLine(t: InappTotals): string {
  const past = t.live_past_end_date ? ` (${t.live_past_end_date} past their end date)` : "";
  const total = t.live + t.not_live;
  const apps = t.by_app ? ` | By app: ${formatCounts(t.by_app)}` : "";
  return `Live: ${t.live}${past} | Not live: ${t.not_live} | Dev only: ${t.dev_only} | From API: ${t.from_api}, dashboard: ${total - t.from_api}${apps}`;
}

/** The listing's note in a project of several apps: which apps it covers. */
export function inappAppsNote(apps: readonly string[]): string | undefined {
  if (apps.length < 2) return undefined;
  return `Apps ${apps.map((a) => word(a)).join(", ")}, merged newest first.`;
}
