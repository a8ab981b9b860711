// The daily chart's time axis: ticks on whole days, labelled "3 Jun", never hours. uPlot's
// own time axis picks hours for a short range ("12am 4am 8am" over three days), which
// reads as if Batch had hourly figures. Pure arithmetic, so it is checked without a browser.

export const DAY_S = 86_400;
/** Room one "30 Jun" label needs on the axis, in CSS pixels. */
export const LABEL_PX = 64;
/** Tick steps in days: every day, every other day, weekly, fortnightly, about monthly. */
const STEPS = [1, 2, 3, 7, 14, 28, 56, 91, 182, 364];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Midnights (UTC, seconds) between min and max, thinned to what `widthPx` can label. */
export function dayTicks(min: number, max: number, widthPx: number): number[] {
  const first = Math.ceil(min / DAY_S) * DAY_S;
  if (first > max) return [Math.floor(min / DAY_S) * DAY_S];
  const days = Math.floor((max - first) / DAY_S) + 1;
  const room = Math.max(1, Math.floor(widthPx / LABEL_PX));
  const step = STEPS.find((s) => Math.ceil(days / s) <= room) ?? Math.ceil(days / room);
  const ticks: number[] = [];
  for (let t = first; t <= max; t += step * DAY_S) ticks.push(t);
  return ticks;
}

/** "3 Jun": the day of a tick; the view's subtitle gives the year and the range. */
export function dayLabel(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}
