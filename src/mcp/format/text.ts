// Small text helpers shared by every formatter: counts, compact dates, joined fields.

export type Counts = Record<string, number>;

export function countBy<T>(items: readonly T[], keys: (item: T) => string | readonly string[]): Counts {
  const counts: Counts = {};
  for (const item of items) {
    const k = keys(item);
    for (const key of typeof k === "string" ? [k] : k) counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** "running 8, completed 4", largest first; "none" when empty. */
export function formatCounts(counts: Counts): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([k, n]) => `${k} ${n}`).join(", ") : "none";
}

/** "2025-06-30T17:31:00Z" -> "2025-06-30 17:31"; midnight times collapse to the date. */
export function compactDateTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!match) return value;
  const [, date, time] = match;
  return time && time !== "00:00" ? `${date} ${time}` : date;
}

export function compactDate(value: string | undefined): string | undefined {
  return compactDateTime(value)?.slice(0, 10);
}

/** Joins the present parts with " · ", dropping empty ones. */
export function fields(...parts: Array<string | false | undefined>): string {
  return parts.filter((p): p is string => typeof p === "string" && p.length > 0).join(" · ");
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** 0.2534 -> "25.3%"; undefined (a rate over zero) -> "n/a", never NaN or Infinity. */
export function percent(value: number | undefined | null): string {
  return value === undefined || value === null || !Number.isFinite(value) ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

// One formatter for the process: toLocaleString builds a new one on every call, which
// dominated the cost of a long daily series.
const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** 12345 -> "12,345"; non-integers keep up to two decimals. */
export function count(value: number): string {
  return COUNT.format(value);
}
