// CPU cost of the copy audit at its bound: 1,000 campaigns (600 push, 400 in-app) in 3
// languages, with personalization tags, links and buttons, read from Batch-shaped answers
// (not timed: fetching them takes far longer at Batch's pace) and audited.

import { inappContent, type CampaignContent } from "../src/batch/content.js";
import { parseOrchestrationContent } from "../src/batch/content-endpoint.js";
import { parseInappCampaign, type InappCampaign } from "../src/batch/inapp-campaign.js";
import { runCopyAudit } from "../src/insights/copy-rules.js";
import { inappLanding, makeInappCampaign, makeOrchestration, pushContent, type PushCopy } from "../src/fake-batch/index.js";
import type { Bench } from "./types.js";

const LANGUAGES = ["en", "fr", "de"] as const;

function copy(i: number, language: string): PushCopy {
  const tag = i % 4 === 0 ? "{{c.firstname}}" : `{{ c.firstname | default: "there" }}`;
  return {
    title: `${tag}, deal ${i % 300} in ${language}`,
    body: `Fresh produce of the week ${i % 300}, ${"delivered to your door ".repeat(1 + (i % 9))}with {{c.points|fallback('no')}} points.`,
    deeplink: i % 7 === 0 ? `http://shop.example/${i}` : `fernwood://deal/${i}`,
    image: `https://cdn.example/${i}.jpg`,
  };
}

function pushAnswers(n: number): Array<{ id: string; body: Record<string, unknown> }> {
  return Array.from({ length: n }, (_, i) => {
    const item = makeOrchestration(i, { type: "campaign", channels: ["push"], status: i % 2 ? "running" : "completed" });
    const languages = Object.fromEntries(LANGUAGES.map((l) => [l, copy(i, l)]));
    // Through JSON, as the client gets it: flat strings, not the builder's concatenations.
    return { id: String(item.id), body: JSON.parse(JSON.stringify({ ...item, ...pushContent(languages) })) as Record<string, unknown> };
  });
}

function inappCampaigns(n: number): InappCampaign[] {
  return Array.from({ length: n }, (_, i) => {
    const buttons = i % 5 === 0 ? [{ label: "Go" }] : [{ label: "Go", action: "batch.deeplink", url: `https://shop.example/${i}` }, { label: "Later", action: "batch.dismiss" }];
    const languages = Object.fromEntries(LANGUAGES.map((l) => [l, { ...copy(i, l), buttons }]));
    return parseInappCampaign(JSON.parse(JSON.stringify(makeInappCampaign(i, { landing: inappLanding(languages) }))));
  }).filter((c): c is InappCampaign => c !== undefined);
}

/** Median of `runs` timed calls after a few warm-ups: a noisy neighbour on a shared machine skews the mean, not the median. */
function medianMs(runs: number, fn: () => void): number {
  for (let i = 0; i < 3; i++) fn();
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
}

const bench: Bench = async () => {
  const contents: CampaignContent[] = [
    ...pushAnswers(600).map((a) => parseOrchestrationContent(a.body, a.id)),
    ...inappCampaigns(400).map(inappContent),
  ];
  const auditMs = medianMs(51, () => runCopyAudit(contents));
  return [{ name: "copy rules over 1,000 campaigns, 3 languages", measured: `${auditMs.toFixed(2)} ms`, goal: "<= 20 ms", ok: auditMs <= 20 }];
};
export default bench;
