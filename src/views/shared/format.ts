// Words and numbers as the views print them, matching the tools' text where they overlap.

export const RATE_LABELS: Record<string, string> = {
  delivery_rate: "Delivery rate",
  open_rate: "Open rate",
  click_rate: "Click rate",
  click_to_open_rate: "Click-to-open",
  bounce_rate: "Bounce rate",
  unsubscribe_rate: "Unsubscribe rate",
  spam_rate: "Spam rate",
};

export const rateLabel = (key: string): string => RATE_LABELS[key] ?? key.replace(/_/g, " ");

const numberFormat = new Intl.NumberFormat("en-US");
export const count = (n: number | undefined): string => (n === undefined ? "n/a" : numberFormat.format(n));

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2025-06-01" or an ISO date-time -> "1 Jun 2025" (UTC, as Batch dates are). */
export function day(value: string): string {
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Short id: the first 8 characters after "orchestration_", unless the server sent a handle. */
export function handleOf(item: { id: string; handle?: string }): string {
  if (item.handle) return item.handle;
  return item.id.replace(/^orchestration_/, "").slice(0, 8);
}

/** A fraction as the tools print rates: 0.2534 -> "25.3%"; null -> "n/a". */
export function percentOf(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

/** A change with its sign: 4 -> "+4.0", -10 -> "-10.0", 0 -> "0.0". */
export function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}
