// The statistics view in Chromium, fed real get_orchestration_stats results from the built
// server: what a person would check on screen, in light and dark.

import type { Browser, Frame } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { DOCUMENTED_STATS, makeOrchestration, makeStats } from "../fake-batch/factories.js";
import { startSession, structuredOf, type Session } from "../e2e/harness.js";
import { describeInBrowser, launchBrowser, openHost, type Host } from "./browser.js";

const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);
const VIEW = "ui://batch/stats.html";
const AB = "orchestration_abtest";
const TRIGGER = "orchestration_trigger";
const ZERO = "orchestration_zero";
const SMALL_AB = DOCUMENTED_STATS.id;
const HOSTILE = "orchestration_hostile0aaaaaaaaaaaaaaaaaaaaaaaa";
const HOSTILE_NAME = `<img src=x onerror="document.title='pwned'"> \u202eelas "Summer"\n<b>bold</b>`;
const MOVED = "orchestration_moved0aaaaaaaaaaaaaaaaaaaaaaaaa";
const MOVED_NAME = '<img src=x onerror="document.title=1">Spring <b>sale</b>';
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const tickOf = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
};
const RATE_WORDS: Record<string, string> = { delivery_rate: "delivery rate", open_rate: "open rate", click_rate: "click rate", click_to_open_rate: "click-to-open", bounce_rate: "bounce rate", unsubscribe_rate: "unsubscribe rate", spam_rate: "spam rate" };

interface Change {
  previous: number | null;
  change_points?: number | null;
  relative_change: number | null;
  significant?: boolean;
}

interface Stats {
  totals: Record<string, number>;
  comparison?: { previous: { from: string; to: string; days: number }; changes: Record<string, Change> };
  anomalies?: Array<{ date: string; metric: string }>;
  rates: Record<string, { percent: string; value: number | null }>;
  range: { from: string; to: string; days: number };
  days?: Array<{ date: string }>;
  ab?: { by_rate: Array<{ rate: string; leader?: string }> };
  steps?: Array<{ step_name?: string; rates: Record<string, { percent: string }> }>;
}

const texts = (frame: Frame, selector: string) => frame.locator(selector).allTextContents();

/**
 * 14 days at 1,250 sent and 50% opens, then 14 days at 2,000 sent and 20% opens but for
 * one day at 45% (its 2nd) and three without sends (its 6th to 8th): a recurring send that
 * fell, with an unusual day and a silence.
 */
function movedStats(): Record<string, unknown> {
  const day = (n: number, sent: number, open: number) => ({ date: daysAgo(n), sent, delivered: sent, unique_open: Math.round(sent * open), unique_click: Math.round(sent * 0.02), total_bounce: 0, unsubscribe: 0 });
  const before = Array.from({ length: 14 }, (_, k) => day(29 - k, 1250, 0.5));
  const after = Array.from({ length: 14 }, (_, k) => day(15 - k, k >= 5 && k <= 7 ? 0 : 2000, k === 1 ? 0.45 : 0.2));
  return { id: MOVED, details: [...before, ...after] };
}

describeInBrowser("statistics view in Chromium", () => {
  let s: Session;
  let browser: Browser;
  let host: Host;

  beforeAll(async () => {
    [s, browser] = await Promise.all([
      startSession({
        fake: {
          orchestrations: [
            makeOrchestration(0),
            makeOrchestration(1, { id: HOSTILE, name: HOSTILE_NAME, status: "running" }),
            makeOrchestration(2, { id: MOVED, name: MOVED_NAME, status: "running", type: "recurring" }),
          ],
          stats: {
            [AB]: makeStats(AB, { days: 14, start: daysAgo(15), versions: true }),
            [TRIGGER]: makeStats(TRIGGER, { days: 5, start: daysAgo(6), steps: 3 }),
            [ZERO]: { id: ZERO, details: [] },
            [HOSTILE]: makeStats(HOSTILE, { days: 5, start: daysAgo(6) }),
            [MOVED]: movedStats(),
            [SMALL_AB]: { ...DOCUMENTED_STATS, details: DOCUMENTED_STATS.details.map((d) => ({ ...d, date: daysAgo(2) })) },
          },
        },
      }),
      launchBrowser(),
    ]);
    host = await openHost(browser, s);
  });
  afterEach(() => expect(host.errors, "console errors").toEqual([]));
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function show(args: Record<string, unknown>, theme: "light" | "dark" = "light") {
    const result = await s.call("get_orchestration_stats", args);
    const frame = await host.show(VIEW, result, { theme, input: args });
    return { frame, stats: structuredOf<Stats>(result) };
  }

  it("shows the rates in tiles exactly as structuredContent has them, and the daily chart with one point per day", async () => {
    const { frame, stats } = await show({ orchestration_id: AB, from: daysAgo(15), to: daysAgo(2), group_by: "day" });
    await frame.locator(".chart[data-points]").waitFor();
    for (const key of ["delivery_rate", "open_rate", "click_rate", "unsubscribe_rate"]) {
      expect(await frame.locator(`header + .tiles [data-key="${key}"] .tile-value`).textContent()).toBe(stats.rates[key]?.percent);
    }
    expect(await frame.locator('header + .tiles [data-key="sent"] .tile-value').textContent()).toBe(stats.totals.sent?.toLocaleString("en-US"));
    expect(stats.days).toHaveLength(14);
    expect(await frame.locator(".chart").getAttribute("data-points")).toBe("14");
    expect(await frame.locator(".daily-table tbody tr").count()).toBe(14);
    await host.screenshot("stats-ab-light");
  });

  it("labels a 3-day daily series by day, never by hour, and titles an orchestration it cannot name by its handle", async () => {
    const { frame, stats } = await show({ orchestration_id: TRIGGER, from: daysAgo(5), to: daysAgo(3), group_by: "day" });
    await frame.locator(".chart[data-x-ticks]").waitFor();
    expect(stats.days).toHaveLength(3);
    const ticks = (await frame.locator(".chart").getAttribute("data-x-ticks"))?.split(",");
    expect(ticks).toEqual([daysAgo(5), daysAgo(4), daysAgo(3)].map(tickOf));
    for (const tick of ticks ?? []) expect(tick).not.toMatch(/am|pm|:/);
    expect(await frame.locator("header h1").textContent()).toBe("Orchestration trigger");
    expect(await frame.locator("header h1").getAttribute("title")).toBe(TRIGGER);
  });

  it("shows a name from Batch as text, never as markup, isolated from the text around it", async () => {
    await s.call("list_orchestrations", { status: ["draft", "running", "completed", "stopped"] });
    const { frame } = await show({ orchestration_id: HOSTILE, from: daysAgo(6), to: daysAgo(2) });
    expect(await frame.locator("header h1").textContent()).toBe(HOSTILE_NAME);
    expect(await frame.locator("header h1 bdi").count()).toBe(1);
    expect(await frame.locator("img, b").count()).toBe(0);
    expect(await frame.evaluate(() => (globalThis as unknown as { document: { title: string } }).document.title)).not.toBe("pwned");
  });

  it("puts the A/B versions side by side and reads the z-test verdict right", async () => {
    const { frame, stats } = await show({ orchestration_id: AB, from: daysAgo(15), to: daysAgo(2), group_by: "version" });
    expect(await texts(frame, ".versions h3")).toEqual(["Version a", "Version b"]);
    const verdicts = await texts(frame, ".verdict li");
    const byRate = stats.ab?.by_rate ?? [];
    expect(byRate.length).toBeGreaterThan(0);
    expect(verdicts).toHaveLength(byRate.length);
    byRate.forEach((r, i) => {
      const words = RATE_WORDS[r.rate] ?? r.rate;
      expect(verdicts[i]).toContain(r.leader ? `Version ${r.leader} wins on ${words}` : `No significant difference on ${words}`);
    });
  });

  it("says there is no verdict yet when a version has too few sends", async () => {
    const { frame } = await show({ orchestration_id: SMALL_AB, from: daysAgo(3), to: daysAgo(1) });
    expect(await texts(frame, ".verdict li")).toEqual(["No verdict yet: each version needs at least 1,000 delivered before a z-test can tell them apart (delivered a: 465, b: 382)."]);
  });

  it("lists a trigger automation's steps as rows, and says when there is no A/B test", async () => {
    const { frame, stats } = await show({ orchestration_id: TRIGGER, from: daysAgo(6), to: daysAgo(2) }, "dark");
    expect(await texts(frame, ".steps tbody th")).toEqual(stats.steps?.map((step) => step.step_name));
    expect(await texts(frame, ".steps tbody tr:first-child td:nth-child(4)")).toEqual([stats.steps?.[0]?.rates.open_rate?.percent]);
    expect(await frame.locator(".ab .message").textContent()).toBe("No A/B test: one version was sent in this range.");
    await host.screenshot("stats-trigger-dark");
  });

  it("shows an empty state, not zeros, when nothing was sent in the range", async () => {
    const { frame } = await show({ orchestration_id: ZERO, from: daysAgo(10), to: daysAgo(1) });
    expect(await frame.locator(".message.empty").textContent()).toMatch(/^No sends between .+: Batch returned no figures for this range\.$/);
    expect(await frame.locator(".tiles").count()).toBe(0);
  });

  it("shows a comparison's ranked rows as bars, longest first, with the figures structuredContent has", async () => {
    const args = { orchestration_ids: [AB, TRIGGER, SMALL_AB], min_delivered: 1, from: daysAgo(20), to: daysAgo(1) };
    const result = await s.call("compare_orchestrations", args);
    const c = structuredOf<{ rows: Array<{ id: string; rates: Record<string, { percent: string }> }> }>(result);
    expect(c.rows.length).toBeGreaterThanOrEqual(2);
    const frame = await host.show(VIEW, result, { theme: "light", input: args });
    await frame.locator(".compare .rank").first().waitFor();
    expect(await frame.locator(".compare h2").textContent()).toBe("Ranked by open rate");
    expect(await texts(frame, ".compare .rank-value")).toEqual(c.rows.map((r) => r.rates.open_rate?.percent));
    expect(await frame.locator(".compare .rank").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")))).toEqual(c.rows.map((r) => r.id));
    const widths = await frame.locator(".compare .rank-bar").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    await host.screenshot("compare-light");
  });

  it("shows each tile's move since the previous period, shades unusual days on the chart, and puts Batch's strings in as text", async () => {
    // The session must have listed it: its type (recurring) is what makes a silence worth flagging.
    await s.call("list_orchestrations", { status: ["running"] });
    const args = { orchestration_id: MOVED, from: daysAgo(15), to: daysAgo(2), group_by: "day", compare_to: "previous_period" };
    const { frame, stats } = await show(args);
    await frame.locator(".chart[data-marks]").waitFor();
    expect(stats.comparison?.previous).toMatchObject({ from: daysAgo(29), to: daysAgo(16), days: 14 });

    expect(await frame.locator("header .compared").textContent()).toMatch(/^Compared with .+ · 14 days$/);
    const open = stats.comparison?.changes.open_rate;
    if (!open || open.change_points === undefined || open.change_points === null) throw new Error("expected an open-rate change");
    expect(open).toMatchObject({ previous: 0.5, significant: true });
    const openTile = frame.locator('header + .tiles [data-key="open_rate"] .tile-change');
    expect(await openTile.textContent()).toBe(`▼ ${open.change_points.toFixed(1)} pts vs 50.0% significant`);
    expect(await openTile.getAttribute("data-direction")).toBe("down");
    const sent = stats.comparison?.changes.sent?.relative_change ?? 0;
    expect(await frame.locator('header + .tiles [data-key="sent"] .tile-change').textContent()).toBe(`▲ +${(sent * 100).toFixed(1)}% vs 17,500`);

    expect(stats.anomalies?.map((a) => [a.date, a.metric])).toEqual([
      [daysAgo(14), "open_rate"],
      [daysAgo(10), "sent"],
    ]);
    expect(await frame.locator(".chart").getAttribute("data-marks")).toBe("2");
    expect(await frame.locator(".daily-table tr.unusual").count()).toBe(4);
    expect(await texts(frame, ".anomalies li")).toEqual([
      expect.stringMatching(/: open rate 45\.0%, above the usual 20\.0% \(score \d+\.\d\)\.$/),
      expect.stringMatching(/ – .+: nothing sent for 3 days \(usually 2,000 a day\)\.$/),
    ]);

    expect(await frame.locator("h1").textContent()).toBe(MOVED_NAME);
    expect(await frame.locator("h1 img, h1 b").count()).toBe(0);
    await host.screenshot("stats-compared-light");
  });

  it("follows the host's theme: dark background and light text in dark, the reverse in light", async () => {
    const args = { orchestration_id: TRIGGER, from: daysAgo(6), to: daysAgo(2) };
    const luminance = async (frame: Frame, property: "backgroundColor" | "color") => {
      // Runs in the view's frame, where getComputedStyle exists (this file has no DOM types).
      type Styles = { getComputedStyle(e: unknown): Record<string, string> };
      const rgb = await frame.locator("body").evaluate((b, p) => (globalThis as unknown as Styles).getComputedStyle(b)[p] ?? "", property);
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const light = (await show(args, "light")).frame;
    expect(await light.locator("html").getAttribute("data-theme")).toBe("light");
    const lightBg = await luminance(light, "backgroundColor");
    expect(lightBg).toBeGreaterThan(await luminance(light, "color"));
    const dark = (await show(args, "dark")).frame;
    expect(await dark.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await luminance(dark, "backgroundColor")).toBeLessThan(await luminance(dark, "color"));
    expect(await luminance(dark, "backgroundColor")).toBeLessThan(lightBg);
  });
});
