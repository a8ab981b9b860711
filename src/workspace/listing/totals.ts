// Totals that add up across calls: a totals_only scan cut by a budget carries what it has
// counted in its cursor, and the next call adds to it, so the final answer is for the whole scan.

export type TotalsTree = { [key: string]: number | TotalsTree };

/** Adds two totals of the same shape, key by key (missing keys count as zero). */
export function addTotals<T extends TotalsTree>(a: T, b: T): T {
  const sum: TotalsTree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = sum[key];
    if (typeof value === "number") sum[key] = (typeof mine === "number" ? mine : 0) + value;
    else sum[key] = addTotals(typeof mine === "object" ? mine : {}, value);
  }
  return sum as T;
}

/** The first and last created_date seen. */
export interface CreatedSpan {
  first: string;
  last: string;
}

export function spanOf(dates: ReadonlyArray<string | undefined>, time: (date: string) => number): CreatedSpan | undefined {
  let span: CreatedSpan | undefined;
  for (const date of dates) {
    if (!date || Number.isNaN(time(date))) continue;
    if (!span) span = { first: date, last: date };
    else if (time(date) < time(span.first)) span.first = date;
    else if (time(date) > time(span.last)) span.last = date;
  }
  return span;
}

export function joinSpans(a: CreatedSpan | undefined, b: CreatedSpan | undefined, time: (date: string) => number): CreatedSpan | undefined {
  return spanOf([a?.first, a?.last, b?.first, b?.last], time);
}
