// Words for one orchestration on the timeline: its hover card and accessible name.

import type { OrchestrationItem, Recurrence } from "../shared/data.js";
import { day, handleOf } from "../shared/format.js";
import type { Bar } from "./layout.js";

const PERIODS: Record<string, string> = { daily: "day", weekly: "week", monthly: "month", yearly: "year" };

/** "weekly", "every 2 weeks": as the tool's text says it. */
export function recurrenceText(r: Recurrence | undefined): string | undefined {
  if (!r?.unit) return undefined;
  const unit = r.unit.toLowerCase();
  if (!r.frequency || r.frequency <= 1) return unit;
  return `every ${r.frequency} ${PERIODS[unit] ?? unit}s`;
}

export function datesText(bar: Bar): string {
  const start = day(new Date(bar.start).toISOString());
  if (bar.openEnded) return `from ${start}, no end date`;
  const end = day(new Date(bar.end).toISOString());
  return start === end ? start : `${start} – ${end}`;
}

/** The hover card's lines: name, handle, dates, recurrence, then type and channels. */
export function cardLines(bar: Bar): string[] {
  const item: OrchestrationItem = bar.item;
  return [
    item.name,
    handleOf(item),
    datesText(bar),
    recurrenceText(item.recurrence) ?? (item.type === "campaign" ? "one-time" : "no recurrence"),
    `${item.type} · ${item.status} · ${item.channels.join(", ") || "no channel"}`,
  ];
}
