// Client-side filters that Batch's list endpoints do not offer, shared by both listings.

import { z } from "zod";
import { batchTime } from "../../batch/dates.js";

export type Predicate<T> = (item: T) => boolean;

export const isoDate = z
  .string()
  .max(40)
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: "must be an ISO date like 2025-06-01 or 2025-06-01T12:00:00Z",
  });

export function allOf<T>(...predicates: Array<Predicate<T> | undefined>): Predicate<T> {
  const active = predicates.filter((p): p is Predicate<T> => p !== undefined);
  return (item) => active.every((p) => p(item));
}

export function nameContains<T>(needle: string | undefined, name: (item: T) => string): Predicate<T> | undefined {
  if (!needle) return undefined;
  const lower = needle.toLowerCase();
  return (item) => name(item).toLowerCase().includes(lower);
}

export function anyLabel<T>(wanted: readonly string[] | undefined, labels: (item: T) => readonly string[] | undefined): Predicate<T> | undefined {
  if (!wanted?.length) return undefined;
  const set = new Set(wanted.map((l) => l.toLowerCase()));
  return (item) => (labels(item) ?? []).some((l) => set.has(l.toLowerCase()));
}

/** created_after is inclusive, created_before exclusive; items without a date never match a date filter. */
export function createdBetween<T>(after: string | undefined, before: string | undefined, created: (item: T) => string | undefined): Predicate<T> | undefined {
  if (!after && !before) return undefined;
  const from = after ? batchTime(after) : -Infinity;
  const to = before ? batchTime(before) : Infinity;
  return (item) => {
    const value = created(item);
    const time = value ? batchTime(value) : NaN;
    return !Number.isNaN(time) && time >= from && time < to;
  };
}
