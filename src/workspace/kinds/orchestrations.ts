// Orchestrations as items. Batch has no get-by-id for them, so finding one the cache lacks
// pages through the whole list (every status and type) until the id turns up, caching
// every item on the way, within a page bound.

import type { Orchestration } from "../../batch/orchestration.js";
import { EVERY_ORCHESTRATION } from "../../batch/orchestrations-endpoint.js";
import { remember } from "./remember.js";
import type { Services } from "../services.js";
import type { ItemKind } from "./item-kind.js";
import { orchestrationUri } from "./uris.js";

/** 50 pages of 100: the same bound as one list_orchestrations call. */
export const ORCHESTRATION_SEARCH_MAX_PAGES = 50;

export const orchestrationKind: ItemKind<Orchestration> = {
  kind: "orchestration",
  noun: "orchestration",
  idPrefix: "orchestration_",
  key: (o) => o.id,
  uri: orchestrationUri,
  name: (o) => o.name,
  raw: (o) => o.raw,
};

/** Pages the full list (every status and type), remembering every item, until `found` holds for one; bounded. */
export async function searchOrchestrations(services: Services, found: (id: string) => boolean, signal?: AbortSignal, projectKey?: string): Promise<void> {
  let pages = 0;
  for await (const page of services.client.orchestrationPages(EVERY_ORCHESTRATION, undefined, signal, projectKey)) {
    remember(services, orchestrationKind, page.items);
    if (page.items.some((o) => found(o.id))) return;
    if (++pages >= ORCHESTRATION_SEARCH_MAX_PAGES) return;
  }
}

/** Looks an id the cache lacks up in Batch's list, caching what it pages through; true when found. */
export async function fetchOrchestration(services: Services, id: string, signal: AbortSignal): Promise<boolean> {
  await searchOrchestrations(services, (found) => found === id, signal);
  return services.cache.get(orchestrationUri(id, services.uriBase)) !== undefined;
}
