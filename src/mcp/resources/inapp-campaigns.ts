// batch://inapp-campaigns/{token}: from the cache when listed, else the v1.1 GET by
// campaign token (see src/workspace/kinds/inapp-campaigns.ts); a 404 is "not found".

import type { InappCampaign } from "../../batch/inapp-campaign.js";
import { inappRef } from "../../workspace/handles/refs.js";
import { fetchInappCampaign, inappKind } from "../../workspace/kinds/inapp-campaigns.js";
import type { ResourceKind } from "./kind.js";
import { INPUT_CHARS, quote } from "../../text/quote.js";
import { defineItemTemplate } from "./template.js";

export const inappResource: ResourceKind<InappCampaign> = {
  ...inappKind,
  template: "batch://inapp-campaigns/{token}",
  variable: "token",
  title: "Batch in-app campaign",
  description:
    "One Batch in-app campaign exactly as Batch returned it, with when it was fetched: the list's fields for a listed campaign, " +
    "or the GET-by-token object (adding targeting and landing) for one never listed. Tokens come from list_inapp_campaigns.",
};

export const inappTemplate = defineItemTemplate({
  resource: inappResource,
  ref: inappRef,
  fetchMissing: fetchInappCampaign,
  notFound: (token) =>
    `In-app campaign ${quote(token, INPUT_CHARS)} was not found: Batch answered 404 to the GET by token. ` +
    "Check the token (list_inapp_campaigns shows them) and that BATCH_API_KEY is the Live API key of the right app.",
});
