// Batch's v1.1 dates carry no zone ("2018-08-13T10:11:38") while 2.x dates do; every
// comparison reads zone-less date-times as UTC so the two APIs agree.

/** Milliseconds since the epoch, or NaN when the value is not a date. */
export function batchTime(value: string): number {
  const zoned = /([zZ]|[+-]\d{2}:?\d{2})$/.test(value) || !value.includes("T") ? value : `${value}Z`;
  return Date.parse(zoned);
}

/** True when `value` is a date strictly before `now`; false when absent or unreadable. */
export function isPast(value: string | undefined, now: number): boolean {
  if (value === undefined) return false;
  const time = batchTime(value);
  return !Number.isNaN(time) && time < now;
}
