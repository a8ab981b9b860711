// In-app campaigns as items: a listed one is cached; one never listed comes from the v1.1
// GET by campaign token (which also carries targeting and landing), asked of each app of
// the project in turn, where a 404 means that app does not know the token.

import { BatchApiError } from "../../batch/errors.js";
import type { InappCampaign } from "../../batch/inapp-campaign.js";
import { projectInappPages } from "../apps/inapp-pages.js";
import { remember } from "./remember.js";
import type { Services } from "../services.js";
import type { ItemKind } from "./item-kind.js";
import { inappCampaignUri } from "./uris.js";

export const inappKind: ItemKind<InappCampaign> = {
  kind: "inapp-campaign",
  noun: "in-app campaign",
  idPrefix: "",
  key: (c) => c.token,
  uri: inappCampaignUri,
  name: (c) => c.name,
  raw: (c) => c.raw,
};

/** Asks Batch for one campaign by its whole token, app by app, and caches it; false when every app answers 404. */
export async function fetchInappCampaign(services: Services, token: string, signal: AbortSignal): Promise<boolean> {
  for (const app of services.project.apps) {
    try {
      remember(services, inappKind, [await services.client.inappCampaign(token, signal, app.apiKey)]);
      return true;
    } catch (error) {
      if (!(error instanceof BatchApiError && error.status === 404)) throw error;
    }
  }
  return false;
}

/** In-app campaigns have no search by prefix: page the list of every app (merged, newest first), remembering every item, until `found` holds; bounded. */
export async function searchInappCampaigns(services: Services, found: (token: string) => boolean, signal?: AbortSignal): Promise<void> {
  if (services.project.apps.length === 0) return;
  let pages = 0;
  for await (const page of projectInappPages(services, {}, undefined, signal, INAPP_SEARCH_MAX_PAGES)) {
    remember(services, inappKind, page.items);
    if (page.items.some((c) => found(c.token)) || ++pages >= INAPP_SEARCH_MAX_PAGES) return;
  }
}

/** 100 pages of 100: the same bound as one list_inapp_campaigns call. */
export const INAPP_SEARCH_MAX_PAGES = 100;
