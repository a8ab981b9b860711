// The audit covers every app of a project: a campaign run in each app under one name is one
// campaign per app, not a copy; two of one name in the same app still are.

import { describe, expect, it } from "vitest";
import type { InappCampaign } from "../../src/batch/inapp-campaign.js";
import { runAudit } from "../../src/insights/audit.js";

const ctx = { now: Date.UTC(2026, 0, 15, 12, 0, 0), staleDays: 30 };

function inapp(token: string, name: string, app: string): InappCampaign & { app: string } {
  return { token, name, app, live: true, from_api: false, dev_only: false, created_date: "2026-01-10T00:00:00", raw: {} };
}

describe("duplicate in-app names across apps", () => {
  it("flags a name repeated within one app, not the same name in two apps", () => {
    const items = [inapp("t1", "Spring sale", "iOS"), inapp("t2", "Spring sale", "Android"), inapp("t3", "Banner", "iOS"), inapp("t4", "banner ", "iOS")];
    const finding = runAudit({ inapp: items }, ctx).find((f) => f.rule.id === "duplicate-inapp-names");
    expect(finding?.cases.map((c) => c.items.map((i) => ("token" in i ? i.token : "")))).toEqual([["t3", "t4"]]);
  });
});
