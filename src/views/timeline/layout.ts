// Where each orchestration sits on the timeline: pure arithmetic over the listed items and
// "now", so it reads (and could be tested) without a browser. Positions are percentages
// of the time axis; the renderer only places them.

import type { OrchestrationItem } from "../shared/data.js";

const DAY_MS = 86_400_000;
/** Open-ended orchestrations fade out here: far enough to read "keeps going". */
export const OPEN_END_DAYS = 30;
const STATUS_ORDER = ["running", "scheduled", "draft", "completed", "stopped"];

export interface Bar {
  item: OrchestrationItem;
  start: number;
  /** The known end, or for open-ended ones where the bar fades out. */
  end: number;
  openEnded: boolean;
  left: number;
  width: number;
}

export interface Layout {
  min: number;
  max: number;
  /** Today's position, percent. */
  today: number;
  groups: Array<{ status: string; bars: Bar[] }>;
  /** Items with no date to place them by. */
  undated: OrchestrationItem[];
}

const time = (iso: string | undefined): number | undefined => {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
};

/** A one-time campaign without an end is a send on one day; anything else without one keeps going. */
function span(item: OrchestrationItem, now: number): { start: number; end: number; openEnded: boolean } | undefined {
  const start = time(item.start_time) ?? time(item.created_date);
  if (start === undefined) return undefined;
  const end = time(item.end_time) ?? time(item.recurrence?.end_time);
  if (end !== undefined) return { start, end: Math.max(end, start + DAY_MS / 2), openEnded: false };
  if (item.type === "campaign" || item.type === "onetime") return { start, end: start + DAY_MS, openEnded: false };
  // Finished ones stopped at some unknown point before now; live ones run past it.
  const live = item.status === "running" || item.status === "draft" || item.status === "scheduled";
  return { start, end: Math.max(live ? now + OPEN_END_DAYS * DAY_MS : now, start + DAY_MS), openEnded: true };
}

const statusRank = (status: string) => {
  const i = STATUS_ORDER.indexOf(status);
  return i === -1 ? STATUS_ORDER.length : i;
};

export function layout(items: readonly OrchestrationItem[], now: number): Layout {
  const placed = items.map((item) => ({ item, span: span(item, now) }));
  const spans = placed.flatMap((p) => (p.span ? [p.span] : []));
  const min = Math.min(now - DAY_MS, ...spans.map((s) => s.start));
  const max = Math.max(now + OPEN_END_DAYS * DAY_MS, ...spans.map((s) => s.end));
  const pct = (t: number) => ((t - min) / (max - min)) * 100;
  const groups = new Map<string, Bar[]>();
  for (const { item, span: s } of placed) {
    if (!s) continue;
    const bar: Bar = { item, ...s, left: pct(s.start), width: Math.max(pct(s.end) - pct(s.start), 0.6) };
    groups.set(item.status, [...(groups.get(item.status) ?? []), bar]);
  }
  return {
    min,
    max,
    today: pct(now),
    groups: [...groups]
      .sort(([a], [b]) => statusRank(a) - statusRank(b) || a.localeCompare(b))
      .map(([status, bars]) => ({ status, bars: bars.sort((a, b) => a.start - b.start) })),
    undated: placed.filter((p) => !p.span).map((p) => p.item),
  };
}

/** At most this many month labels, so they never collide on a narrow view. */
const MAX_TICKS = 7;

/** Month starts between min and max, for the axis: [time, position %]. */
export function monthTicks(min: number, max: number): Array<[number, number]> {
  const ticks: Array<[number, number]> = [];
  const d = new Date(min);
  const step = Math.max(1, Math.ceil((max - min) / (30 * DAY_MS) / MAX_TICKS));
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (t < max) {
    ticks.push([t, ((t - min) / (max - min)) * 100]);
    const next = new Date(t);
    t = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + step, 1);
  }
  return ticks;
}
