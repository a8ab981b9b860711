// Completion of an item variable (an id, a token) from what a workspace has cached.

import type { Services } from "../../workspace/services.js";
import type { ResourceKind } from "./kind.js";

/** At most this many completion values, as MCP allows. */
export const MAX_COMPLETIONS = 100;

/** Keys from the cache that start with what was typed, read as a full key or as a handle. */
export function completeKey<T>(services: Services | undefined, kind: ResourceKind<T>, typed: string): string[] {
  if (!services) return [];
  const index = services.handles.for(kind);
  const random = index.randomPart(typed);
  return services.cache
    .newestFirst(kind.kind)
    .map((e) => e.key)
    .filter((key) => key.startsWith(typed) || index.randomPart(key).startsWith(random))
    .slice(0, MAX_COMPLETIONS);
}
