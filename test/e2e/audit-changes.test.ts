// audit_campaigns with performance "true" against the previous 30 days, end to end: one
// 60-day request per running orchestration, and a finding for each planted worsening
// (never for a rise, a small fall or a fall on too little volume), with both figures.

import type { GetPromptResult } from "@modelcontextprotocol/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlantedTotals } from "../fake-batch/factories.js";
import { daysAgo, figures, twoPeriods } from "./two-periods.js";
import { startSession, type Session } from "./harness.js";

type Json = Record<string, unknown>;



// Open rates near the project's usual 20%, so only the change rules speak.
const PLANTED: Record<string, [PlantedTotals, PlantedTotals]> = {
  o_steady: [figures(20_000), figures(20_000)],
  o_open_fell: [figures(20_000, { open: 0.24 }), figures(20_000, { open: 0.15 })],
  o_click_fell: [figures(20_000, { click: 0.04 }), figures(20_000, { click: 0.02 })],
  o_bounce_doubled: [figures(20_000, { bounce: 0.01 }), figures(20_000, { bounce: 0.025 })],
  o_rose: [figures(20_000, { open: 0.12, click: 0.01 }), figures(20_000, { open: 0.24, click: 0.03 })],
  o_small_fall: [figures(20_000, { open: 0.22 }), figures(20_000, { open: 0.18 })],
  o_few: [figures(600, { open: 0.4, click: 0.1, bounce: 0.005 }), figures(600, { open: 0.1, click: 0.01, bounce: 0.03 })],
};
const orchestrations = Object.keys(PLANTED).map((id) => ({ id, name: `Campaign ${id}`, type: "campaign", status: "running", channels: ["email"], labels: ["OK"] }));
const stats = Object.fromEntries(Object.entries(PLANTED).map(([id, [before, after]]) => [id, twoPeriods(id, before, after)]));

function promptText(result: GetPromptResult): string {
  const content = result.messages[0]?.content;
  if (content?.type !== "text") throw new Error("expected a text message");
  return content.text;
}
const reportedRules = (text: string) => [...text.matchAll(/^\d+\. \[(high|medium|low)\] .* \(([a-z-]+)\): /gm)].map((m) => `${m[1]} ${m[2]}`);
/** A finding's section: its heading line to the blank line after it. */
const section = (text: string, rule: string) => text.slice(text.lastIndexOf("\n", text.indexOf(`(${rule}):`)) + 1).split(/\n\n/)[0] ?? "";

describe("audit_campaigns: performance against the previous 30 days", () => {
  let s: Session;
  let text = "";

  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations, stats } });
    text = promptText(await s.client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations", performance: "true" } }));
  });
  afterAll(() => s.close());

  it("reads 60 days in one request per running orchestration, and says which periods it compares", () => {
    const asked = s.fake.requests.filter((r) => r.route === "stats").map((r) => [r.query.orchestration_id?.[0], r.query.from?.[0], r.query.to?.[0]]);
    expect(asked).toEqual(Object.keys(PLANTED).map((id) => [id, daysAgo(59), daysAgo(0)]));
    expect(text).toContain(`performance over the last 30 days (${daysAgo(29)} to ${daysAgo(0)}), against the 30 days before (${daysAgo(59)} to ${daysAgo(30)}): stats of 7 of 7 running orchestrations read`);
  });

  it("finds a significant fall in opens or clicks of a quarter or more (medium) and a doubled bounce rate (high), nothing else", () => {
    expect(reportedRules(text)).toEqual(["high bounce-rate-doubled", "medium open-rate-fell", "medium click-rate-fell"]);
    for (const [rule, id] of [["bounce-rate-doubled", "o_bounce_doubled"], ["open-rate-fell", "o_open_fell"], ["click-rate-fell", "o_click_fell"]] as const) {
      const cases = section(text, rule).split("\n").filter((l) => l.trimStart().startsWith("- "));
      expect(cases, rule).toHaveLength(1);
      expect(cases[0], rule).toContain(`"Campaign ${id}"`);
    }
  });

  it("gives both figures, the threshold and the test in each finding", () => {
    expect(section(text, "bounce-rate-doubled")).toMatch(/Bounce rate at least 2x in the last 30 days against the 30 before \(significant at 95%, at least 1,000 sent in each period\)/);
    expect(section(text, "bounce-rate-doubled")).toMatch(/bounce 2\.5% in the last 30 days vs 1\.0% in the 30 before \(2\.5x, \|z\| = \d+\.\d\d\)/);
    expect(section(text, "open-rate-fell")).toMatch(/Open rate down by 25% or more \(relative\) in the last 30 days against the 30 before/);
    expect(section(text, "open-rate-fell")).toMatch(/open 15\.0% in the last 30 days vs 24\.0% in the 30 before \(-37% relative, \|z\| = \d+\.\d\d\)/);
    expect(section(text, "click-rate-fell")).toMatch(/click 2\.0% in the last 30 days vs 4\.0% in the 30 before \(-50% relative, \|z\| = \d+\.\d\d\)/);
  });

  it("finds nothing in a rise, a small fall or a fall on too little volume", () => {
    for (const id of ["o_steady", "o_rose", "o_small_fall", "o_few"]) expect(text, id).not.toContain(`"Campaign ${id}"`);
  });
});
