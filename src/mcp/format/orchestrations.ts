// The compact view of an orchestration: the structured summary and its one text line.

import { messageStepCount, orchestrationEnd, type Orchestration } from "../../batch/orchestration.js";
import { orchestrationUri } from "../../workspace/kinds/uris.js";
import { NAME_CHARS, quote, word } from "../../text/quote.js";
import { compactDate, compactDateTime, countBy, fields, formatCounts, plural, quotedList, type Counts } from "./text.js";

/** The audit-relevant fields of an Orchestration, with message steps counted and its resource URI. */
export type OrchestrationSummary = Omit<
  Orchestration,
  "raw" | "has_mobile_landing" | "nbr_steps" | "nbr_message_steps" | "message_steps"
> & { message_steps?: number; uri: string; /** Short unique id prefix the text names it by. */ handle: string };

/** `uri`: its resource URI, in its project (default: the default project's). */
export function summarizeOrchestration(o: Orchestration, handle: string, uri = orchestrationUri(o.id)): OrchestrationSummary {
  const messageSteps = messageStepCount(o);
  const end = orchestrationEnd(o);
  return {
    id: o.id,
    name: o.name,
    type: o.type,
    status: o.status,
    channels: o.channels,
    ...(o.platforms && { platforms: o.platforms }),
    ...(o.labels && { labels: o.labels }),
    ...(o.source && { source: o.source }),
    ...(o.created_date && { created_date: o.created_date }),
    ...(o.start_time && { start_time: o.start_time }),
    ...(end && { end_time: end }),
    ...(o.recurrence && { recurrence: o.recurrence }),
    ...(o.capping !== undefined && { capping: o.capping }),
    ...(messageSteps !== undefined && { message_steps: messageSteps }),
    uri,
    handle,
  };
}

// Batch says WEEKLY (or weekly) with a frequency: 1 reads "weekly", 2 "every 2 weeks".
const PERIODS: Record<string, string> = { daily: "day", weekly: "week", monthly: "month", yearly: "year" };

function recurrenceText(r: OrchestrationSummary["recurrence"]): string | undefined {
  if (!r?.unit) return undefined;
  const unit = r.unit.toLowerCase();
  if (!r.frequency || r.frequency <= 1) return word(unit);
  const period = PERIODS[unit];
  return period ? `every ${r.frequency} ${period}s` : `every ${r.frequency} × ${word(unit)}`;
}

/** Labels shown on a line: each cut to this, all within about LABELS_CHARS, the rest counted. */
const LABEL_CHARS = 40;
const LABELS_CHARS = 160;

/** `i4geuqvb "Name" campaign running · push,email · created 3 Mar · 4 Mar 10:00→… · labels "A","B"`: the fields an audit looks at. */
export function orchestrationLine(s: OrchestrationSummary, context: { year: number }): string {
  const day = (v: string | undefined) => compactDate(v, context.year);
  const time = (v: string | undefined) => compactDateTime(v, context.year);
  const runs = s.start_time || s.end_time ? `${time(s.start_time) ?? "?"}→${time(s.end_time) ?? ""}` : undefined;
  return fields(
    `${s.handle} ${quote(s.name, NAME_CHARS)} ${word(s.type)} ${word(s.status)}`,
    s.channels.map((c) => word(c)).join(",") || "no channel",
    s.created_date && `created ${day(s.created_date)}`,
    runs,
    recurrenceText(s.recurrence),
    s.capping !== undefined && s.capping > 0 && `cap ${s.capping}`,
    s.message_steps !== undefined && plural(s.message_steps, "msg step"),
    s.labels?.length ? `labels ${quotedList(s.labels, LABEL_CHARS, LABELS_CHARS)}` : undefined,
  );
}

export type OrchestrationTotals = {
  by_status: Counts;
  by_type: Counts;
  by_channel: Counts;
};

export function orchestrationTotals(items: readonly OrchestrationSummary[]): OrchestrationTotals {
  return {
    by_status: countBy(items, (o) => o.status),
    by_type: countBy(items, (o) => o.type),
    by_channel: countBy(items, (o) => o.channels),
  };
}

export function orchestrationTotalsLine(t: OrchestrationTotals): string {
  return `Status: ${formatCounts(t.by_status)} | Type: ${formatCounts(t.by_type)} | Channel: ${formatCounts(t.by_channel)}`;
}
