// The orchestration model and its tolerant parser. Batch's docs disagree with
// themselves (`onetime` vs `campaign`, `repeat_fequency`, `messages_steps`, `in-app` vs
// `in_app`), so spellings are normalised here and unknown values pass through.

import { bool, firstOf, isRecord, num, str, strings, type Json } from "./json.js";

export const ORCHESTRATION_STATUSES = ["draft", "running", "completed", "stopped"] as const;
export const ORCHESTRATION_TYPES = ["campaign", "recurring", "trigger", "warmup"] as const;
export const ORCHESTRATION_CHANNELS = ["email", "push", "in-app", "sms", "universal"] as const;

export interface Recurrence {
  unit?: string;
  frequency?: number;
  end_time?: string;
}

export interface MessageStep {
  step_id?: string;
  step_name?: string;
}

export interface Orchestration {
  id: string;
  name: string;
  type: string;
  status: string;
  channels: string[];
  platforms?: string[];
  labels?: string[];
  source?: string;
  created_date?: string;
  start_time?: string;
  end_time?: string;
  recurrence?: Recurrence;
  capping?: number;
  has_mobile_landing?: boolean;
  nbr_steps?: number;
  nbr_message_steps?: number;
  message_steps?: MessageStep[];
  /** The object exactly as Batch returned it, for resources. */
  raw: Json;
}

const TYPE_ALIASES: Record<string, string> = { onetime: "campaign", one_time: "campaign" };
const CHANNEL_ALIASES: Record<string, string> = { "in-app": "in_app", inapp: "in_app" };

function normalise(value: string | undefined, aliases: Record<string, string>): string | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  return aliases[lower] ?? lower;
}

function recurrence(value: unknown): Recurrence | undefined {
  if (!isRecord(value)) return undefined;
  const unit = str(value.repeat_unit)?.toUpperCase();
  const frequency = num(firstOf(value, "repeat_frequency", "repeat_fequency"));
  const end_time = str(value.end_time);
  return { ...(unit && { unit }), ...(frequency !== undefined && { frequency }), ...(end_time && { end_time }) };
}

function messageSteps(value: unknown): MessageStep[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((step) => ({ step_id: str(step.step_id), step_name: str(step.step_name) }));
}

// Drops absent fields in place: this runs for every listed item, so no entries/fromEntries copy.
function defined<T extends object>(record: T): T {
  for (const key of Object.keys(record) as Array<keyof T>) if (record[key] === undefined) delete record[key];
  return record;
}

/** Parses one list item; undefined when it is not an object with a string id. */
export function parseOrchestration(value: unknown): Orchestration | undefined {
  if (!isRecord(value)) return undefined;
  const id = str(value.id);
  if (!id) return undefined;
  return defined({
    id,
    name: str(value.name) ?? "(unnamed)",
    type: normalise(str(value.type), TYPE_ALIASES) ?? "unknown",
    status: normalise(str(value.status), {}) ?? "unknown",
    channels: (strings(value.channels) ?? []).map((c) => normalise(c, CHANNEL_ALIASES) ?? c),
    platforms: strings(value.platforms),
    labels: strings(value.labels),
    source: str(value.source),
    created_date: str(value.created_date),
    start_time: str(value.start_time),
    end_time: str(value.end_time),
    recurrence: recurrence(value.recurrence),
    capping: num(value.capping),
    has_mobile_landing: bool(value.has_mobile_landing),
    nbr_steps: num(value.nbr_steps),
    nbr_message_steps: num(value.nbr_message_steps),
    message_steps: messageSteps(firstOf(value, "message_steps", "messages_steps")),
    raw: value,
  });
}

/** When it stops: its own end time, or the end of its recurrence. */
export function orchestrationEnd(o: Orchestration): string | undefined {
  return o.end_time ?? o.recurrence?.end_time;
}

/** Message steps of a trigger automation, from the count Batch gives or the steps it lists. */
export function messageStepCount(o: Orchestration): number | undefined {
  return o.nbr_message_steps ?? o.message_steps?.length;
}
