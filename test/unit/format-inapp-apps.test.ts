// In-app campaigns of a project with several apps: each line and summary names its app, and
// the totals count per app. A project of one app prints exactly as before (format-inapp.test.ts).

import { describe, expect, it } from "vitest";
import { parseInappCampaign } from "../../src/batch/inapp-campaign.js";
import { inappAppsNote, inappCampaignLine, inappTotals, inappTotalsLine, summarizeInappCampaign } from "../../src/mcp/format/inapp-campaigns.js";

const NOW = Date.parse("2025-07-01T00:00:00Z");

function summary(token: string, app: string | undefined, live = true) {
  const c = parseInappCampaign({ campaign_token: token, name: `Promo ${token}`, live, created_date: "2025-06-01T10:00:00" });
  if (!c) throw new Error("fixture is not a campaign");
  return summarizeInappCampaign({ ...c, ...(app !== undefined && { app }) }, token.slice(0, 8), NOW, `batch://projects/FR/inapp-campaigns/${token}`);
}

describe("in-app campaigns across apps", () => {
  it("names the app on the line and in the summary, and keeps the URI it is given", () => {
    const s = summary("aaaaaaaa1111", "iOS");
    expect(s).toMatchObject({ app: "iOS", uri: "batch://projects/FR/inapp-campaigns/aaaaaaaa1111" });
    expect(inappCampaignLine(s, { year: 2025 })).toBe('aaaaaaaa "Promo aaaaaaaa1111" live · app iOS · created 1 Jun');
    expect(inappCampaignLine(summary("bbbbbbbb2222", "Android TV"), { year: 2025 })).toBe('bbbbbbbb "Promo bbbbbbbb2222" live · app "Android TV" · created 1 Jun');
  });

  it("counts campaigns per app in the totals line", () => {
    const totals = inappTotals([summary("a1", "iOS"), summary("a2", "iOS", false), summary("b1", "Android")]);
    expect(totals.by_app).toEqual({ iOS: 2, Android: 1 });
    expect(inappTotalsLine(totals)).toBe("Live: 2 | Not live: 1 | Dev only: 0 | From API: 0, dashboard: 3 | By app: iOS 2, Android 1");
  });

  it("leaves apps out for a project of one app", () => {
    const totals = inappTotals([summary("a1", undefined)]);
    expect(totals.by_app).toBeUndefined();
    expect(inappAppsNote(["default"])).toBeUndefined();
    expect(inappAppsNote(["iOS", "Android TV"])).toBe('Apps iOS, "Android TV", merged newest first.');
  });
});
