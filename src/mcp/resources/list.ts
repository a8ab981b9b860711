// resources/list: everything the caches of the projects the caller may see hold, newest
// first, in pages with MCP's own cursor. The SDK's template `list` callback cannot page, so
// this handler replaces the SDK's own. The cursor anchors on the last item's sequence number
// (one sequence for every project's cache), so items cached between two calls never shift
// the pages.

import { ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server";
import type { McpServer, ListResourcesResult } from "@modelcontextprotocol/server";
import type { CachedItem } from "../../workspace/state/item-cache.js";
import { quote, word } from "../../text/quote.js";
import { MAX_LINK_NAME, RESOURCE_MIME_TYPE } from "./kind.js";

export const RESOURCES_PAGE_SIZE = 100;

function encodeCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ before: seq })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const before = typeof value === "object" && value !== null && "before" in value ? value.before : undefined;
    if (typeof before === "number" && Number.isInteger(before)) return before;
  } catch {
    // fall through to the error below
  }
  throw new ProtocolError(ProtocolErrorCode.InvalidParams, "The resources/list cursor is not one this server issued; list again without it.");
}

/** Cached items, newest first: one cache, or several read as one. */
export interface CachedItems {
  newestFirst(): CachedItem[];
}

/** One page of cached items; `titles` maps a kind to its human title ("Batch orchestration"). */
export function listCached(cache: CachedItems, titles: Record<string, string>, cursor?: string, pageSize = RESOURCES_PAGE_SIZE): ListResourcesResult {
  const before = cursor === undefined ? Infinity : decodeCursor(cursor);
  const rest = cache.newestFirst().filter((e) => e.seq < before);
  const page = rest.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    resources: page.map((e) => ({
      uri: e.uri,
      // Shown as a label, like a link's name: quoted alike. The resource itself keeps it exact.
      name: quote(e.name, MAX_LINK_NAME),
      mimeType: RESOURCE_MIME_TYPE,
      description: `${titles[e.kind] ?? e.kind} ${word(e.key)}, fetched ${new Date(e.fetchedAt).toISOString()}`,
    })),
    ...(rest.length > page.length && last && { nextCursor: encodeCursor(last.seq) }),
  };
}

export function serveResourceList(server: McpServer, cache: CachedItems, titles: Record<string, string>): void {
  server.server.setRequestHandler('resources/list', (request) => listCached(cache, titles, request.params?.cursor));
}
