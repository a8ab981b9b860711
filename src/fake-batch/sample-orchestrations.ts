// Realistic, clearly fictional orchestrations shaped like the documented sample
// (seeds/orchestrations-list.md). Used by tests (via test/fake-batch/factories.ts) and by
// the demo data set. Fields rotate with different periods so filters see every mix.

import { HOUR_MS, isoSeconds, seededString } from "./sample-hash.js";
import type { Json } from "./types.js";

const TYPES = ["campaign", "recurring", "trigger", "warmup"] as const;
const STATUSES = ["draft", "running", "completed", "stopped"] as const;
// Period 7 (coprime with the 4 types) so every type meets every channel set.
const CHANNEL_SETS = [["push"], ["email"], ["sms"], ["push", "email"], ["email"], ["push"], ["push", "sms"]] as const;
const NAMES: Record<(typeof TYPES)[number], readonly string[]> = {
  campaign: ["Spring sale reminder", "Flash weekend deal", "Back to school offer"],
  recurring: ["Weekly newsletter", "Monthly loyalty digest", "Friday recipe ideas"],
  trigger: ["Welcome journey", "Cart abandonment nudge", "Win-back series"],
  warmup: ["Email IP warmup", "New sender domain warmup", "Dedicated IP ramp-up"],
};
const NEWEST_MS = Date.UTC(2025, 5, 30, 14, 38, 19); // 2025-06-30T14:38:19Z, the sample's date
const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/** `orchestration_` + 32 lowercase alphanumerics, stable for a given i. */
export function orchestrationId(i: number): string {
  return `orchestration_${seededString(`orchestration:${i}`, 32, BASE36)}`;
}

export function makeOrchestration(i: number, overrides: Json = {}): Json {
  const type = TYPES[i % 4] ?? "campaign";
  // Offset by i/4 so status does not move in lockstep with type: 16 items cover all pairs.
  const status = STATUSES[(i + Math.floor(i / 4)) % 4] ?? "running";
  const channels = [...(CHANNEL_SETS[i % CHANNEL_SETS.length] ?? ["push"])];
  const push = channels.includes("push");
  const created = NEWEST_MS - i * (17 * HOUR_MS + 13 * 60_000);
  const labels = [...(i % 3 === 0 ? ["NEWSLETTER"] : []), ...(i % 5 === 1 ? ["PROMO"] : [])];
  const names = NAMES[type];

  const item: Json = {
    id: orchestrationId(i),
    type,
    channels,
    ...(push && { platforms: i % 3 === 0 ? ["ios", "android", "web"] : ["ios", "android"] }),
    source: i % 3 === 2 ? "api" : "dashboard",
    name: `${names[Math.floor(i / 4) % names.length]} #${i}`,
    status,
    created_date: isoSeconds(created),
    ...(labels.length > 0 && { labels }),
    ...(status !== "draft" && { start_time: isoSeconds(created + 3 * HOUR_MS) }),
    has_mobile_landing: push && i % 2 === 0,
  };
  if (type === "recurring" || type === "warmup") {
    item.recurrence = {
      repeat_unit: type === "recurring" ? "WEEKLY" : "DAILY",
      repeat_frequency: 1,
      ...(i % 8 < 4 && { end_time: isoSeconds(created + 90 * 24 * HOUR_MS) }),
    };
    item.capping = i % 3;
  }
  if (type === "trigger") {
    const messageSteps = 1 + (i % 3);
    item.capping = 1 + (i % 2);
    if (i % 8 === 2) item.end_time = isoSeconds(created + 60 * 24 * HOUR_MS);
    item.nbr_steps = messageSteps + 1 + (i % 2);
    item.nbr_message_steps = messageSteps;
    item.message_steps = Array.from({ length: messageSteps }, (_, k) => ({
      step_name: `Message ${k + 1}`,
      step_id: seededString(`step:${i}:${k}`, 12, BASE36),
    }));
  }
  return { ...item, ...overrides };
}

export function makeOrchestrations(n: number, overrides?: (i: number) => Json): Json[] {
  return Array.from({ length: n }, (_, i) => makeOrchestration(i, overrides?.(i)));
}
