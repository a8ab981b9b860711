// A resource kind: an item kind (src/workspace/kinds/) as an MCP resource template, and
// how items of it become resource links.

import type { ResourceLink } from "@modelcontextprotocol/server";
import type { ItemKind } from "../../workspace/kinds/item-kind.js";
import { quote } from "../../text/quote.js";

export const RESOURCE_MIME_TYPE = "application/json";

export interface ResourceKind<T> extends ItemKind<T> {
  /** RFC 6570 template, e.g. "batch://orchestrations/{id}". */
  template: string;
  /** The template's one variable, e.g. "id". */
  variable: string;
  title: string;
  description: string;
}

/** Link names longer than this are cut: the line already shows the name. */
export const MAX_LINK_NAME = 200;

/** A link the client can open: a name (quoted, as in the text: a client shows it as a label) and a URI. */
export function linkTo(uri: string, name: string): ResourceLink {
  return { type: "resource_link", uri, name: quote(name, MAX_LINK_NAME), mimeType: RESOURCE_MIME_TYPE };
}

/** `uriBase`: where the URIs of the item's project start (default: the default project's). */
export function resourceLink<T>(kind: ItemKind<T>, item: T, uriBase?: string): ResourceLink {
  return linkTo(kind.uri(kind.key(item), uriBase), kind.name(item));
}
