// How each kind's ids, URIs and handles resolve (see resolve.ts): the URI collection it
// accepts, how long a full id is, and how Batch's list is searched for a handle the
// server has not seen.

import type { InappCampaign } from "../../batch/inapp-campaign.js";
import type { Orchestration } from "../../batch/orchestration.js";
import { inappKind, searchInappCampaigns } from "../kinds/inapp-campaigns.js";
import { orchestrationKind, searchOrchestrations } from "../kinds/orchestrations.js";
import type { Resolvable } from "./resolve.js";

/** Orchestration ids, URIs and handles, for tools and resources alike. */
export const orchestrationRef: Resolvable<Orchestration> = {
  kind: orchestrationKind,
  collection: "orchestrations",
  // Batch's ids have 32 or 33 random characters.
  fullLength: 32,
  search: searchOrchestrations,
};

/** Campaign tokens, URIs and handles. The GET by token needs the whole token, so a handle is found by listing. */
export const inappRef: Resolvable<InappCampaign> = {
  kind: inappKind,
  collection: "inapp-campaigns",
  fullLength: 32,
  search: searchInappCampaigns,
};
