// batch://orchestrations/{id}. Batch has no get-by-id for orchestrations, so a read the
// cache cannot answer pages through the whole list (every status and type) until the id
// turns up, caching every item on the way, within a page bound.

import { type Orchestration } from "../../batch/orchestration.js";
import { EVERY_ORCHESTRATION } from "../../batch/orchestrations-endpoint.js";
import { orchestrationUri } from "../format/orchestrations.js";
import { INPUT_CHARS, quote } from "../format/quote.js";
import type { Resolvable } from "../handles/resolve.js";
import type { Services } from "../services.js";
import { remember, type ResourceKind } from "./kind.js";
import { defineItemTemplate } from "./template.js";

/** 50 pages of 100: the same bound as one list_orchestrations call. */
export const ORCHESTRATION_SEARCH_MAX_PAGES = 50;

export const orchestrationResource: ResourceKind<Orchestration> = {
  kind: "orchestration",
  noun: "orchestration",
  idPrefix: "orchestration_",
  template: "batch://orchestrations/{id}",
  variable: "id",
  title: "Batch orchestration",
  description:
    "One Batch orchestration (campaign, recurring, trigger automation or warmup) exactly as Batch's list API returned it, with when it was fetched. " +
    "Ids come from list_orchestrations; an id never listed is looked up by paging through every status and type.",
  key: (o) => o.id,
  uri: orchestrationUri,
  name: (o) => o.name,
  raw: (o) => o.raw,
};

/** Pages the full list (every status and type), remembering every item, until `found` holds for one; bounded. */
export async function searchOrchestrations(services: Services, found: (id: string) => boolean, signal?: AbortSignal, projectKey?: string): Promise<void> {
  let pages = 0;
  for await (const page of services.client.orchestrationPages(EVERY_ORCHESTRATION, undefined, signal, projectKey)) {
    remember(services, orchestrationResource, page.items);
    if (page.items.some((o) => found(o.id))) return;
    if (++pages >= ORCHESTRATION_SEARCH_MAX_PAGES) return;
  }
}

/** Orchestration ids, URIs and handles, for tools and resources alike. */
export const orchestrationRef: Resolvable<Orchestration> = {
  resource: orchestrationResource,
  collection: "orchestrations",
  // Batch's ids have 32 or 33 random characters.
  fullLength: 32,
  search: searchOrchestrations,
};

export const orchestrationTemplate = defineItemTemplate({
  resource: orchestrationResource,
  ref: orchestrationRef,
  fetchMissing: async (services, id, signal) => {
    await searchOrchestrations(services, (found) => found === id, signal);
    return services.cache.get(orchestrationUri(id)) !== undefined;
  },
  notFound: (id) =>
    `Orchestration ${quote(id, INPUT_CHARS)} was not found: it is in none of the first ${ORCHESTRATION_SEARCH_MAX_PAGES} pages of Batch's list over every status and type. ` +
    "Check the id (list_orchestrations shows them) and the project key.",
});
