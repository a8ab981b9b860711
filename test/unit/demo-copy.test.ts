// The demo workspace's copy, read the way the product will: list, keep what has a content
// route, fetch each campaign's copy, run the copy rules over what the audit reads (running
// and draft push campaigns, live in-app campaigns). Each rule finds its planted case, and
// the clean campaigns raise nothing.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchClient } from "../../src/batch/client.js";
import type { CampaignContent } from "../../src/batch/content.js";
import { EVERY_ORCHESTRATION } from "../../src/batch/orchestrations-endpoint.js";
import { runCopyAudit, type CopyFinding } from "../../src/insights/copy-rules.js";
import { copyAuditScope, withoutCopy, type NotAudited } from "../../src/insights/copy-scope.js";
import { DEMO_KEYS, demoOptions, startFakeBatch, type FakeBatch } from "../../src/fake-batch/index.js";
import { DEMO_PUSH_COPY } from "../../src/fake-batch/demo-copy.js";

let fake: FakeBatch;
let contents: CampaignContent[];
let notAudited: NotAudited[];
let findings: CopyFinding[];
let everyFinding: CopyFinding[];

beforeAll(async () => {
  fake = await startFakeBatch(demoOptions(new Date("2026-02-01T10:00:00Z")));
  const client = new BatchClient({
    restApiKey: DEMO_KEYS.restKey,
    projectKey: DEMO_KEYS.projectKey,
    apiKey: DEMO_KEYS.apiKey,
    baseUrl: fake.url,
    apiVersion: "2.10",
    rateLimit: 0,
    timeoutMs: 5_000,
    retryBaseDelayMs: 1,
  });
  const listed = (await client.orchestrationsPage(EVERY_ORCHESTRATION, undefined)).items;
  const scope = copyAuditScope(listed);
  const push = await Promise.all(scope.fetch.map((o) => client.orchestrationContent(o.id)));
  const campaigns = (await client.inappCampaignsPage({}, undefined)).items;
  const inapp = await Promise.all(campaigns.map((c) => client.inappCampaignContent(c.token)));
  contents = [...push, ...inapp];
  notAudited = [...scope.notAudited, ...withoutCopy(contents)];
  const active = new Set(listed.filter((o) => o.status === "running" || o.status === "draft").map((o) => o.id));
  const live = new Set(campaigns.filter((c) => c.live).map((c) => c.token));
  findings = runCopyAudit(contents.filter((c) => (c.kind === "orchestration" ? active.has(c.id) : live.has(c.id))));
  everyFinding = runCopyAudit(contents);
}, 30_000);

afterAll(() => fake.close());

/** Rule id -> names of the campaigns of each case. */
function byRule(of = findings): Record<string, string[][]> {
  return Object.fromEntries(of.map((f) => [f.rule.id, f.cases.map((c) => c.items.map((i) => i.name ?? i.id))]));
}

describe("demo workspace copy", () => {
  it("fetches every one-time push campaign's copy and every in-app campaign's landing, in en and fr", () => {
    const pushNames = contents.filter((c) => c.kind === "orchestration").map((c) => c.name);
    expect(new Set(pushNames)).toEqual(new Set(Object.keys(DEMO_PUSH_COPY)));
    expect(contents.filter((c) => c.kind === "inapp_campaign")).toHaveLength(14);
    expect(contents.every((c) => c.messages.length > 0 && c.warnings.length === 0)).toBe(true);
  });

  it("names the orchestrations with no content route, and nothing else as not audited", () => {
    expect(notAudited.every((x) => x.reason === "no_content_route")).toBe(true);
    expect(notAudited.map((x) => x.name)).toContain("Price drop on pantry staples");
    expect(notAudited.map((x) => x.name)).toContain("Weekly deals newsletter");
  });

  it("plants one case per copy rule among what the audit reads, on the campaigns its table says", () => {
    expect(byRule()).toEqual({
      "copy-empty-language": [["Black Friday early access"]],
      "inapp-button-without-action": [["QA: new checkout modal"]],
      "tag-without-default": [["Turn on delivery notifications"]],
      "insecure-link": [["Loyalty points reminder"]],
      "missing-language": [["Rate your last delivery"]],
      "push-copy-too-long": [["Black Friday early access"]],
      "push-without-deeplink": [["Test push do not send"]],
      "duplicate-copy": [["Summer BBQ countdown", "Summer BBQ interstitial"]],
    });
  });

  it("gives completed campaigns cases too, for get_campaign_content to show", () => {
    const all = byRule(everyFinding);
    expect(all["push-copy-too-long"]).toContainEqual(["Spring sale: 20% off fruit"]);
    expect(all["tag-without-default"]).toContainEqual(["Flash weekend: free delivery"]);
    expect(all["insecure-link"]).toContainEqual(["Holiday opening hours"]);
  });

  it("leaves clean campaigns clean", () => {
    const flagged = new Set(findings.flatMap((f) => f.cases.flatMap((c) => c.items.map((i) => i.name))));
    for (const name of ["New store in Riverside", "Store closing: Oak Street", "Welcome to Fernwood Market", "Riverside store opening"]) expect(flagged.has(name)).toBe(false);
  });
});
