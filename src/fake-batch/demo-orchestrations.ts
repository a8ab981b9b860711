// The demo workspace's orchestrations: "Fernwood Market", a fictional grocery-delivery
// app. Every type, status and channel appears, with the spelling quirks of Batch's docs
// (DESIGN.md) and the problems the audit prompt should find. Dates are relative to `now`
// so "past its end" and "old draft" stay true whenever the demo runs.

import { DAY_MS, HOUR_MS, isoSeconds, seededString } from "./sample-hash.js";
import type { Json } from "./types.js";

/** The documented sample disagrees with the schema (DESIGN.md); the demo serves both. */
const QUIRKS = {
  onetime: (item: Json): Json => ({ ...item, type: "onetime" }),
  repeat_fequency: ({ recurrence, ...item }: Json): Json => {
    const { repeat_unit, repeat_frequency, ...rest } = recurrence as Json;
    return { ...item, recurrence: { ...rest, repeat_unit: String(repeat_unit).toLowerCase(), repeat_fequency: repeat_frequency } };
  },
  messages_steps: ({ message_steps, ...item }: Json): Json => ({ ...item, messages_steps: message_steps }),
};

type Type = "campaign" | "recurring" | "trigger" | "warmup";
type Status = "draft" | "running" | "completed" | "stopped";

interface Row {
  name: string;
  type: Type;
  status: Status;
  channels: string[];
  /** Days before `now` it was created. */
  created: number;
  labels?: string[];
  source?: "dashboard" | "api";
  /** End, in days from `now` (negative: in the past). */
  end?: number;
  /** Recurring and warmups: unit and frequency; `end` is then the recurrence's end. */
  every?: [unit: "DAILY" | "WEEKLY" | "MONTHLY", frequency: number];
  /** Trigger automations: number of message steps (0 = the automation sends nothing). */
  steps?: number;
  /** Audit finding it plants, kept for the reader of this table (not served). */
  finding?: string;
  /** A spelling from Batch's sample response instead of the documented one. */
  quirk?: keyof typeof QUIRKS;
}

const P = ["push"];
const E = ["email"];
const S = ["sms"];

export const DEMO_ORCHESTRATIONS: Row[] = [
  { name: "Weekly deals newsletter", type: "recurring", status: "running", channels: E, created: 420, labels: ["NEWSLETTER"], every: ["WEEKLY", 1], finding: "recurring with no end" },
  { name: "Weekly deals newsletter", type: "recurring", status: "running", channels: [...E, ...P], created: 35, labels: ["NEWSLETTER"], every: ["WEEKLY", 1], end: 300, finding: "duplicate name" },
  { name: "Sunday recipe ideas", type: "recurring", status: "running", channels: P, created: 200, labels: ["CONTENT"], every: ["WEEKLY", 1], end: 160, quirk: "repeat_fequency" },
  { name: "Monthly loyalty points statement", type: "recurring", status: "running", channels: E, created: 610, labels: ["LOYALTY"], every: ["MONTHLY", 1], finding: "recurring with no end" },
  { name: "Fresh produce restock alert", type: "recurring", status: "stopped", channels: P, created: 300, labels: ["PRODUCT"], every: ["DAILY", 2], end: -30 },
  { name: "Back-to-school lunchbox picks", type: "recurring", status: "completed", channels: E, created: 150, labels: ["SEASONAL"], every: ["WEEKLY", 2], end: -60 },
  { name: "Spring sale: 20% off fruit", type: "campaign", status: "completed", channels: [...P, ...E], created: 120, labels: ["PROMO", "SEASONAL"] },
  { name: "Flash weekend: free delivery", type: "campaign", status: "completed", channels: P, created: 40, labels: ["PROMO"], source: "api" },
  { name: "Holiday opening hours", type: "campaign", status: "completed", channels: [...P, ...S], created: 330 },
  { name: "New store in Riverside", type: "campaign", status: "running", channels: P, created: 3, labels: ["LOCAL"] },
  { name: "Price drop on pantry staples", type: "campaign", status: "running", channels: E, created: 1, finding: "unlabeled" },
  { name: "Summer BBQ countdown", type: "campaign", status: "running", channels: [...P, ...E], created: 95, labels: ["SEASONAL"], end: -21, finding: "running past its end time" },
  { name: "Delivery slot survey", type: "campaign", status: "stopped", channels: E, created: 75, labels: ["SURVEY"], source: "api" },
  { name: "Order delay apology", type: "campaign", status: "completed", channels: S, created: 18, labels: ["SERVICE"], source: "api", quirk: "onetime" },
  { name: "Black Friday early access", type: "campaign", status: "draft", channels: [...P, ...E], created: 12, labels: ["PROMO"] },
  { name: "Vegan range launch", type: "campaign", status: "draft", channels: E, created: 260, finding: "old draft, unlabeled" },
  { name: "Test push do not send", type: "campaign", status: "draft", channels: P, created: 410, finding: "old draft, unlabeled" },
  { name: "Welcome series", type: "trigger", status: "running", channels: [...E, ...P], created: 700, labels: ["ONBOARDING"], steps: 3 },
  { name: "Cart abandonment nudge", type: "trigger", status: "running", channels: P, created: 380, labels: ["RETENTION"], steps: 2, quirk: "messages_steps" },
  { name: "Win-back: 60 days inactive", type: "trigger", status: "running", channels: [...E, ...S], created: 240, labels: ["RETENTION"], steps: 0, finding: "trigger with no message step" },
  { name: "Birthday voucher", type: "trigger", status: "running", channels: E, created: 520, steps: 1, finding: "unlabeled" },
  { name: "Order delivered: rate us", type: "trigger", status: "running", channels: ["in_app", ...P], created: 90, labels: ["SERVICE"], steps: 1 },
  { name: "Easter basket reminder", type: "trigger", status: "running", channels: P, created: 230, labels: ["SEASONAL"], steps: 2, end: -45, finding: "running past its end time" },
  { name: "Subscription renewal reminder", type: "trigger", status: "stopped", channels: [...E, ...S], created: 450, labels: ["BILLING"], steps: 2 },
  { name: "First order follow-up", type: "trigger", status: "draft", channels: E, created: 190, labels: ["ONBOARDING"], steps: 1, finding: "old draft" },
  { name: "Low stock back in stock alert", type: "trigger", status: "completed", channels: P, created: 280, labels: ["PRODUCT"], steps: 1, end: -100 },
  { name: "Email IP warmup", type: "warmup", status: "completed", channels: E, created: 730, every: ["DAILY", 1], end: -680 },
  { name: "New sender domain warmup", type: "warmup", status: "running", channels: E, created: 10, every: ["DAILY", 1], end: 20 },
  { name: "SMS short code warmup", type: "warmup", status: "draft", channels: S, created: 5, labels: ["INFRA"], every: ["DAILY", 1] },
  { name: "Weekly deals newsletter (copy)", type: "recurring", status: "draft", channels: E, created: 34, labels: ["NEWSLETTER"], every: ["WEEKLY", 1], finding: "copy left as draft" },
  { name: "Weekend meal kit ideas", type: "recurring", status: "running", channels: [...P, ...S], created: 60, every: ["WEEKLY", 1], end: 120, finding: "unlabeled" },
  { name: "Store closing: Oak Street", type: "campaign", status: "stopped", channels: [...P, ...E, ...S], created: 140, labels: ["LOCAL"] },
];

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

function platformsFor(row: Row, k: number): Json {
  if (!row.channels.includes("push")) return {};
  return { platforms: k % 3 === 0 ? ["ios", "android", "web"] : ["ios", "android"] };
}

/** A row of a demo project's orchestrations (other projects: demo-germany.ts). */
export type DemoOrchestrationRow = Row;

/** `seed` keeps each project's ids apart ("demo": Fernwood Market's own). */
function orchestrationFrom(row: Row, k: number, nowMs: number, seed: string): Json {
  const created = nowMs - row.created * DAY_MS - (k % 7) * HOUR_MS;
  const at = (days: number) => isoSeconds(nowMs + days * DAY_MS);
  const item: Json = {
    id: `orchestration_${seededString(`${seed}-orchestration:${k}`, 32, BASE36)}`,
    type: row.type,
    channels: row.channels,
    ...platformsFor(row, k),
    source: row.source ?? "dashboard",
    name: row.name,
    status: row.status,
    created_date: isoSeconds(created),
    ...(row.labels && { labels: row.labels }),
    // Started two days after creation, or halfway to now for the newest ones.
    ...(row.status !== "draft" && { start_time: isoSeconds(created + Math.min(2 * DAY_MS, (nowMs - created) / 2)) }),
    has_mobile_landing: row.channels.includes("push") && k % 2 === 0,
  };
  if (row.every) {
    const [unit, frequency] = row.every;
    item.recurrence = { repeat_unit: unit, repeat_frequency: frequency, ...(row.end !== undefined && { end_time: at(row.end) }) };
    item.capping = k % 3;
  } else if (row.end !== undefined) {
    item.end_time = at(row.end);
  }
  if (row.type === "trigger") {
    const steps = row.steps ?? 1;
    item.capping = 1 + (k % 2);
    item.nbr_steps = steps + 2;
    item.nbr_message_steps = steps;
    item.message_steps = Array.from({ length: steps }, (_, s) => ({
      step_name: `Message ${s + 1}`,
      step_id: seededString(`${seed}-step:${k}:${s}`, 12, BASE36),
    }));
  }
  return row.quirk ? QUIRKS[row.quirk](item) : item;
}

/** The rows as Batch would list them: newest first. */
export function demoOrchestrations(now: Date, rows: readonly Row[] = DEMO_ORCHESTRATIONS, seed = "demo"): Json[] {
  const nowMs = now.getTime();
  return rows.map((row, k) => orchestrationFrom(row, k, nowMs, seed)).sort((a, b) =>
    String(b.created_date).localeCompare(String(a.created_date)),
  );
}
