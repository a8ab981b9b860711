// A resource kind: how items of one Batch type become cached resources and links. The
// two kinds (orchestrations, in-app campaigns) differ only in this data.

import type { ResourceLink } from "@modelcontextprotocol/server";
import type { Json } from "../../batch/json.js";
import { quote } from "../format/quote.js";
import type { Services } from "../services.js";

export const RESOURCE_MIME_TYPE = "application/json";

export interface ResourceKind<T> {
  /** Cache tag and template name, e.g. "orchestration". */
  kind: string;
  /** For sentences: "orchestration", "in-app campaign". */
  noun: string;
  /** What every key starts with before its random part ("orchestration_"); handles are prefixes of the rest. */
  idPrefix: string;
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

/** Records listed items in the cache, as their raw Batch objects, and gives them handles. */
export function remember<T>(services: Pick<Services, "cache" | "handles">, kind: ResourceKind<T>, items: readonly T[]): void {
  see(services, kind, items);
  // Backwards, so that the newest-first view keeps one listing in the API's own order.
  for (const item of [...items].reverse()) {
    const key = kind.key(item);
    services.cache.put({ uri: kind.uri(key), kind: kind.kind, key, name: kind.name(item), raw: kind.raw(item) });
  }
}

/** Items the server has seen but not shown (scanned pages): they count for handle uniqueness only. */
export function see<T>(services: Pick<Services, "handles">, kind: ResourceKind<T>, items: readonly T[]): void {
  const index = services.handles.for(kind);
  for (const item of items) index.add(kind.key(item), kind.name(item));
}

/** Link names longer than this are cut: the line already shows the name. */
export const MAX_LINK_NAME = 200;

/** A link the client can open: a name (quoted, as in the text: a client shows it as a label) and a URI. */
export function linkTo(uri: string, name: string): ResourceLink {
  return { type: "resource_link", uri, name: quote(name, MAX_LINK_NAME), mimeType: RESOURCE_MIME_TYPE };
}

export function resourceLink<T>(kind: ResourceKind<T>, item: T): ResourceLink {
  return linkTo(kind.uri(kind.key(item)), kind.name(item));
}
