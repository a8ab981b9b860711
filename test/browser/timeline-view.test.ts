// The timeline view in Chromium, fed a real list_orchestrations result from the built
// server; a click on a bar goes through the bridge to the real get_orchestration_stats.

import type { Browser, Frame } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { makeOrchestrations, makeStats } from "../fake-batch/factories.js";
import { startSession, structuredOf, type Session } from "../e2e/harness.js";
import { describeInBrowser, launchBrowser, openHost, type Host } from "./browser.js";

const DAY_MS = 86_400_000;
const VIEW = "ui://batch/timeline.html";
const ALL_STATUSES = ["draft", "running", "completed", "stopped"];

interface Item {
  id: string;
  name: string;
  status: string;
  recurrence?: { unit?: string };
}

describeInBrowser("timeline view in Chromium", () => {
  let s: Session;
  let browser: Browser;
  let host: Host;
  let frame: Frame;
  let items: Item[];

  beforeAll(async () => {
    const orchestrations = makeOrchestrations(12);
    const start = new Date(Date.now() - 20 * DAY_MS).toISOString().slice(0, 10);
    const stats = Object.fromEntries(orchestrations.map((o) => [String(o.id), makeStats(String(o.id), { days: 14, start })]));
    [s, browser] = await Promise.all([startSession({ fake: { orchestrations, stats } }), launchBrowser()]);
    host = await openHost(browser, s);
    const result = await s.call("list_orchestrations", { status: ALL_STATUSES });
    items = structuredOf<{ orchestrations: Item[] }>(result).orchestrations;
    frame = await host.show(VIEW, result, { input: { status: ALL_STATUSES } });
    await frame.locator(".bar").first().waitFor();
  });
  afterEach(() => expect(host.errors, "console errors").toEqual([]));
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("draws one bar per orchestration, named in text, grouped by status, with a today line", async () => {
    expect(items).toHaveLength(12);
    expect(await frame.locator(".bar").count()).toBe(items.length);
    expect((await frame.locator(".row-label[title]").allTextContents()).sort()).toEqual(items.map((o) => o.name).sort());
    const groups = await frame.locator(".group").evaluateAll((sections) => sections.map((g) => [g.getAttribute("data-status"), g.querySelectorAll(".bar").length]));
    const expected = ALL_STATUSES.map((status) => [status, items.filter((o) => o.status === status).length]).filter(([, n]) => n !== 0);
    expect(Object.fromEntries(groups)).toEqual(Object.fromEntries(expected));
    expect(await frame.locator(".today-label").textContent()).toBe("Today");
    await host.screenshot("timeline-light");
  });

  it("shows name, handle, dates and recurrence when a bar is hovered", async () => {
    const recurring = items.find((o) => o.recurrence?.unit);
    if (!recurring) throw new Error("the fixture lacks a recurring orchestration");
    await frame.locator(`.bar[data-id="${recurring.id}"]`).hover();
    const card = frame.locator(".card");
    await card.waitFor({ state: "visible" });
    const lines = await card.locator("strong, span").allTextContents();
    expect(lines[0]).toBe(recurring.name);
    expect(lines[1]).toBe(recurring.id.replace("orchestration_", "").slice(0, 8));
    expect(lines[2]).toMatch(/^(\d{1,2} \w{3} \d{4} – \d{1,2} \w{3} \d{4}|from \d{1,2} \w{3} \d{4}, no end date)$/);
    expect(lines[3]).toBe(recurring.recurrence?.unit?.toLowerCase());
  });

  it("asks the host to call get_orchestration_stats when a bar is clicked, and shows its tiles", async () => {
    const target = items.find((o) => o.status === "running") ?? items[0];
    if (!target) throw new Error("no items");
    const before = host.calls.length;
    await frame.locator(`.bar[data-id="${target.id}"]`).click();
    await frame.locator(".detail .tiles").waitFor();
    expect(host.calls.slice(before).map(({ name, arguments: args }) => ({ name, arguments: args }))).toEqual([{ name: "get_orchestration_stats", arguments: { orchestration_id: target.id } }]);
    const stats = structuredOf<{ rates: Record<string, { percent: string }> }>(await s.call("get_orchestration_stats", { orchestration_id: target.id }));
    expect(await frame.locator('.detail [data-key="open_rate"] .tile-value').textContent()).toBe(stats.rates.open_rate?.percent);
    expect(await frame.locator(".detail h2").textContent()).toBe(`Statistics: ${target.name}`);
  });

  it("renders in the dark theme too", async () => {
    const result = await s.call("list_orchestrations", { status: ALL_STATUSES });
    const dark = await host.show(VIEW, result, { theme: "dark" });
    await dark.locator(".bar").first().waitFor();
    expect(await dark.locator("html").getAttribute("data-theme")).toBe("dark");
    await host.screenshot("timeline-dark");
  });
});
