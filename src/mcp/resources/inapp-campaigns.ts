// batch://inapp-campaigns/{token}: from the cache when listed, else the v1.1 GET by
// campaign token (which also carries targeting and landing); a 404 is "not found".

import { BatchApiError } from "../../batch/errors.js";
import type { InappCampaign } from "../../batch/inapp-campaign.js";
import { inappCampaignUri } from "../format/inapp-campaigns.js";
import { INPUT_CHARS, quote } from "../format/quote.js";
import type { Resolvable } from "../handles/resolve.js";
import type { Services } from "../services.js";
import { remember, type ResourceKind } from "./kind.js";
import { defineItemTemplate } from "./template.js";

export const inappResource: ResourceKind<InappCampaign> = {
  kind: "inapp-campaign",
  noun: "in-app campaign",
  idPrefix: "",
  template: "batch://inapp-campaigns/{token}",
  variable: "token",
  title: "Batch in-app campaign",
  description:
    "One Batch in-app campaign exactly as Batch returned it, with when it was fetched: the list's fields for a listed campaign, " +
    "or the GET-by-token object (adding targeting and landing) for one never listed. Tokens come from list_inapp_campaigns.",
  key: (c) => c.token,
  uri: inappCampaignUri,
  name: (c) => c.name,
  raw: (c) => c.raw,
};

async function fetchCampaign(services: Services, token: string, signal: AbortSignal): Promise<boolean> {
  try {
    remember(services, inappResource, [await services.client.inappCampaign(token, signal)]);
    return true;
  } catch (error) {
    if (error instanceof BatchApiError && error.status === 404) return false;
    throw error;
  }
}

/** In-app campaigns have no search by prefix: page the list (newest first), remembering every item, until `found` holds; bounded. */
export async function searchInappCampaigns(services: Services, found: (token: string) => boolean, signal?: AbortSignal): Promise<void> {
  const options = { concurrency: services.config.inappConcurrency, pagesWanted: INAPP_SEARCH_MAX_PAGES };
  let pages = 0;
  for await (const page of services.client.inappCampaignPages({}, undefined, signal, options)) {
    remember(services, inappResource, page.items);
    if (page.items.some((c) => found(c.token)) || ++pages >= INAPP_SEARCH_MAX_PAGES) return;
  }
}

/** 100 pages of 100: the same bound as one list_inapp_campaigns call. */
export const INAPP_SEARCH_MAX_PAGES = 100;

/** Campaign tokens, URIs and handles. The GET by token needs the whole token, so a handle is found by listing. */
export const inappRef: Resolvable<InappCampaign> = {
  resource: inappResource,
  collection: "inapp-campaigns",
  fullLength: 32,
  search: searchInappCampaigns,
};

export const inappTemplate = defineItemTemplate({
  resource: inappResource,
  ref: inappRef,
  fetchMissing: fetchCampaign,
  notFound: (token) =>
    `In-app campaign ${quote(token, INPUT_CHARS)} was not found: Batch answered 404 to the GET by token. ` +
    "Check the token (list_inapp_campaigns shows them) and that BATCH_API_KEY is the Live API key of the right app.",
});
