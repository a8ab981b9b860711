// The demo workspace's statistics: the 30 days ending today and the 30 before (for
// compare_to and the audit's change rules), each orchestration's from the day it started
// (a campaign started yesterday has no month of sends behind it).

import { describe, expect, it } from "vitest";
import { demoOptions, type Json } from "../../src/fake-batch/index.js";

/** Mid-day and late in the day: "started yesterday" lands on yesterday or today. */
const NOWS = [new Date("2026-11-24T12:14:15Z"), new Date("2026-11-24T23:40:00Z")];

function statsByName(now: Date): Map<string, { start: string; dates: string[]; totals: Json[] }> {
  const options = demoOptions(now);
  const byName = new Map<string, { start: string; dates: string[]; totals: Json[] }>();
  for (const item of options.orchestrations ?? []) {
    const body = options.stats?.[String(item.id)];
    if (!body) continue;
    const details = (body.details as Json[]).filter((entry) => entry.platform === undefined);
    byName.set(String(item.name), { start: String(item.start_time).slice(0, 10), dates: details.map((e) => String(e.date)), totals: details });
  }
  return byName;
}

describe.each(NOWS)("demo statistics at %s", (now) => {
  const today = now.toISOString().slice(0, 10);
  const stats = statsByName(now);

  const windowStart = new Date(now.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);

  it("begin on the day each orchestration started (or 60 days back) and end today, one entry a day", () => {
    const historyStart = new Date(now.getTime() - 59 * 86_400_000).toISOString().slice(0, 10);
    expect(stats.size).toBeGreaterThan(20);
    for (const [name, { start, dates }] of stats) {
      expect(dates[0], name).toBe(start > historyStart ? start : historyStart);
      expect(dates.at(-1), name).toBe(today);
      expect(new Set(dates).size, name).toBe(dates.length);
    }
  });

  it("show a day or two of sends for 'Price drop on pantry staples', started a day ago", () => {
    const { dates, totals } = stats.get("Price drop on pantry staples") ?? { dates: [], totals: [] };
    expect(dates.length).toBeGreaterThanOrEqual(1);
    expect(dates.length).toBeLessThanOrEqual(2);
    expect(totals.every((entry) => Number(entry.sent) > 0)).toBe(true);
  });

  it("keep the planted totals whole within the default 30-day range", () => {
    const inRange = (name: string) => (stats.get(name)?.totals ?? []).filter((entry) => String(entry.date) >= windowStart);
    const sum = (name: string, metric: string) => inRange(name).reduce((n, entry) => n + Number(entry[metric] ?? 0), 0);
    expect(sum("Monthly loyalty points statement", "sent")).toBe(48_200);
    expect(sum("New store in Riverside", "sent")).toBe(18_000);
    expect(sum("Weekend meal kit ideas", "sent")).toBe(22_400);
  });

  it("plant the previous 30 days' figures of the cases the change rules find", () => {
    const before = (name: string, metric: string) => (stats.get(name)?.totals ?? []).filter((entry) => String(entry.date) < windowStart).reduce((n, entry) => n + Number(entry[metric] ?? 0), 0);
    expect(before("Monthly loyalty points statement", "sent")).toBe(47_000);
    expect(before("Sunday recipe ideas", "sent")).toBe(30_000);
    expect(before("New store in Riverside", "sent")).toBe(0);
  });
});
