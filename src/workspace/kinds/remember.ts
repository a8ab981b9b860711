// What a listing or a search read becomes known to the workspace: shown items are cached
// (their raw Batch objects, behind the resources) and get handles; items only scanned
// count for handle uniqueness, so a handle shown once never turns ambiguous later.

import type { ItemKind } from "./item-kind.js";
import type { Services } from "../services.js";

/** Records listed items in the cache, as their raw Batch objects, and gives them handles. */
export function remember<T>(services: Pick<Services, "cache" | "handles"> & Partial<Pick<Services, "uriBase">>, kind: ItemKind<T>, items: readonly T[]): void {
  see(services, kind, items);
  // Backwards, so that the newest-first view keeps one listing in the API's own order.
  for (const item of [...items].reverse()) {
    const key = kind.key(item);
    services.cache.put({ uri: kind.uri(key, services.uriBase), kind: kind.kind, key, name: kind.name(item), raw: kind.raw(item) });
  }
}

/** Items the server has seen but not shown (scanned pages): they count for handle uniqueness only. */
export function see<T>(services: Pick<Services, "handles">, kind: ItemKind<T>, items: readonly T[]): void {
  const index = services.handles.for(kind);
  for (const item of items) index.add(kind.key(item), kind.name(item));
}
