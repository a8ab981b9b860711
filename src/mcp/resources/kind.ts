// A resource kind: how items of one Batch type become cached resources and links. The
// two kinds (orchestrations, in-app campaigns) differ only in this data.

import type { ResourceLink } from "@modelcontextprotocol/sdk/types.js";
import type { Json } from "../../batch/json.js";
import type { ItemCache } from "./item-cache.js";

export const RESOURCE_MIME_TYPE = "application/json";

export interface ResourceKind<T> {
  /** Cache tag and template name, e.g. "orchestration". */
  kind: string;
  /** RFC 6570 template, e.g. "batch://orchestrations/{id}". */
  template: string;
  /** The template's one variable, e.g. "id". */
  variable: string;
  title: string;
  description: string;
  key(item: T): string;
  uri(key: string): string;
  name(item: T): string;
  raw(item: T): Json;
}

/** Records listed items in the cache, as their raw Batch objects. */
export function remember<T>(cache: ItemCache, kind: ResourceKind<T>, items: readonly T[]): void {
  // Backwards, so that the newest-first view keeps one listing in the API's own order.
  for (const item of [...items].reverse()) {
    const key = kind.key(item);
    cache.put({ uri: kind.uri(key), kind: kind.kind, key, name: kind.name(item), raw: kind.raw(item) });
  }
}

export function resourceLink<T>(kind: ResourceKind<T>, item: T): ResourceLink {
  const key = kind.key(item);
  return { type: "resource_link", uri: kind.uri(key), name: kind.name(item), mimeType: RESOURCE_MIME_TYPE, description: `${kind.title} ${key}` };
}
