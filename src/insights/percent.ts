// How a rate reads: the one rounding every report, table and finding uses, so the same
// figure never shows as 25.3% in one place and 25.34% in another.

/** 0.2534 -> "25.3%"; undefined (a rate over zero) -> "n/a", never NaN or Infinity. */
export function percent(value: number | undefined | null): string {
  return value === undefined || value === null || !Number.isFinite(value) ? "n/a" : `${(value * 100).toFixed(1)}%`;
}
