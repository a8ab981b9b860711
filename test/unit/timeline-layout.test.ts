// Where the timeline view places orchestrations: pure arithmetic, checked without a browser.

import { describe, expect, it } from "vitest";
import { layout, OPEN_END_DAYS } from "../../src/views/timeline/layout.js";

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 15);
const iso = (days: number) => new Date(NOW + days * DAY_MS).toISOString();
const item = (id: string, fields: Record<string, unknown>) => ({ id, name: id, type: "recurring", status: "running", channels: ["push"], ...fields });

describe("timeline layout", () => {
  it("runs an open-ended live orchestration to now + 30 days, marked open", () => {
    const plan = layout([item("a", { start_time: iso(-60) })], NOW);
    const bar = plan.groups[0]?.bars[0];
    expect(bar).toMatchObject({ openEnded: true, start: NOW - 60 * DAY_MS, end: NOW + OPEN_END_DAYS * DAY_MS });
    expect(bar && bar.left + bar.width).toBeCloseTo(100);
  });

  it("gives a one-time campaign without an end one day, and a dated one its own end", () => {
    const plan = layout([item("c", { type: "campaign", start_time: iso(-3) }), item("d", { start_time: iso(-10), end_time: iso(5) })], NOW);
    // Bars in a group run by start date: the dated one starts first.
    const [dated, campaign] = plan.groups[0]?.bars ?? [];
    expect(dated).toMatchObject({ openEnded: false, end: NOW + 5 * DAY_MS });
    expect(campaign).toMatchObject({ openEnded: false, end: NOW - 2 * DAY_MS });
  });

  it("groups by status, running first, and sets aside items without any date", () => {
    const plan = layout([item("s", { status: "stopped", start_time: iso(-5) }), item("r", { start_time: iso(-5) }), item("x", { status: "draft" })], NOW);
    expect(plan.groups.map((g) => g.status)).toEqual(["running", "stopped"]);
    expect(plan.undated.map((o) => o.id)).toEqual(["x"]);
    expect(plan.today).toBeGreaterThan(0);
    expect(plan.today).toBeLessThan(100);
  });
});
