// Silence: a recurring send or trigger automation that sent on most days, then stopped for
// several days in a row. One-time campaigns are silent after their send by design, so
// they are never looked at. Days Batch leaves out of its answer count as days without sends.

import { addDays, daysBetween } from "../batch/stats-range.js";
import type { Anomaly, DayFigures } from "./unusual-days.js";
import { median } from "./portfolio.js";

const DAY_MS = 86_400_000;

/** Orchestration types expected to keep sending. */
export const SILENT_TYPES: readonly string[] = ["recurring", "trigger"];
/** Consecutive days without a send that make a silence; also the least history before it. */
export const SILENCE_MIN_DAYS = 3;

export const SILENCE_RULE =
  `A recurring send or trigger automation is silent when it sent nothing for ${SILENCE_MIN_DAYS} or more days in a row ` +
  `after sending on more than half the days since its first send in the range (at least ${SILENCE_MIN_DAYS} of them); today, still filling in, is not judged.`;

/** Runs of at least SILENCE_MIN_DAYS days without sends, as [first index, last index]. */
function silentRuns(sent: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start: number | undefined;
  sent.forEach((n, k) => {
    if (n === 0) start ??= k;
    if (start !== undefined && (n > 0 || k === sent.length - 1)) {
      const end = n > 0 ? k - 1 : k;
      if (end - start + 1 >= SILENCE_MIN_DAYS) runs.push([start, end]);
      start = undefined;
    }
  });
  return runs;
}

/** Silences of a recurring send or trigger over `range`, judged up to the day before `today`. */
export function silences(days: readonly DayFigures[], range: { from: string; to: string }, type: string | undefined, today: string): Anomaly[] {
  // A series without any `sent` says nothing about sending (an answer of another shape).
  if (type === undefined || !SILENT_TYPES.includes(type) || !days.some((d) => d.metrics.sent !== undefined)) return [];
  const last = range.to < today ? range.to : addDays(today, -1);
  // Sends per day of the range by index (day 0 = range.from): dates are only written for what is found.
  const sent: number[] = new Array<number>(Math.max(0, daysBetween(range.from, last) + 1)).fill(0);
  const start = Date.parse(`${range.from}T00:00:00Z`);
  for (const d of days) {
    const k = Math.round((Date.parse(`${d.date}T00:00:00Z`) - start) / DAY_MS);
    if (k >= 0 && k < sent.length) sent[k] = (sent[k] ?? 0) + (d.metrics.sent ?? 0);
  }
  const first = sent.findIndex((n) => n > 0);
  if (first < 0) return [];
  return silentRuns(sent).flatMap(([start, end]) => {
    const before = sent.slice(first, start);
    const sending = before.filter((n) => n > 0);
    if (before.length < SILENCE_MIN_DAYS || sending.length * 2 <= before.length) return [];
    return [{ date: addDays(range.from, start), metric: "sent" as const, value: 0, usual: median(sending) ?? 0, score: end - start + 1, until: addDays(range.from, end) }];
  });
}
