// The listing machinery both list tools share: resolve the query (fresh or from a
// cursor), collect pages with the cap and filters, report progress, and render the
// result. Each tool supplies only data: how to fetch, filter, summarise and print.

import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { collect, START, type Collected } from "../../batch/collect.js";
import type { Page } from "../../batch/pages.js";
import { CursorError, decodeCursor, encodeCursor } from "./cursor.js";
import { describeBatchError } from "../error-messages.js";
import { plural } from "../format/text.js";
import { remember, resourceLink, type ResourceKind } from "../resources/kind.js";
import { toolResult, type ContentBlock } from "../results.js";
import type { Services } from "../services.js";
import type { ToolContext } from "../tool-definition.js";

export interface ListingSpec<T, Q extends Record<string, unknown>, S, Totals> {
  tool: string;
  /** Plural noun for text ("orchestrations"); also the structured key unless itemsKey says otherwise. */
  noun: string;
  itemsKey: string;
  query: z.ZodType<Q>;
  /** `want` = items still to collect (the cap plus what the resume position skips), a hint for prefetching. */
  pages(services: Services, query: Q, start: string | undefined, signal: AbortSignal, want: number): AsyncIterable<Page<T>>;
  matches(query: Q): (item: T) => boolean;
  key(item: T): string;
  summarize(item: T): S;
  line(summary: S): string;
  totals(summaries: S[]): Totals;
  totalsLine(totals: Totals): string;
  /** A reminder about API defaults worth knowing when reading the result. */
  note?(query: Q): string | undefined;
  maxPages: number;
  /** Listed items become cached resources and the result links to them. */
  resource?: ResourceKind<T>;
}

export interface ListingArgs<Q> {
  query: Q;
  max_results: number;
  cursor?: string | undefined;
}

export async function runListing<T, Q extends Record<string, unknown>, S, Totals>(
  spec: ListingSpec<T, Q, S, Totals>,
  args: ListingArgs<Q>,
  ctx: ToolContext,
): Promise<CallToolResult> {
  const { query, position } = args.cursor ? resume(spec, args) : { query: args.query, position: START };
  const collected = await collect({
    pages: (start) => spec.pages(ctx.services, query, start, ctx.signal, args.max_results + position.skip),
    start: position,
    cap: args.max_results,
    matches: spec.matches(query),
    key: spec.key,
    maxPages: spec.maxPages,
    onPage: ({ pages, collected }) => ctx.progress(pages, undefined, `Fetched ${plural(pages, "page")}, ${collected} ${spec.noun} so far`),
  });
  return render(spec, query, args.max_results, collected, ctx.services);
}

function resume<T, Q extends Record<string, unknown>, S, Totals>(spec: ListingSpec<T, Q, S, Totals>, args: ListingArgs<Q>) {
  const decoded = decodeCursor(spec.tool, args.cursor ?? "");
  const parsed = spec.query.safeParse(decoded.query);
  if (!parsed.success) throw new CursorError("The cursor is not one this server issued; drop it to start from the beginning.");
  for (const [key, value] of Object.entries(args.query)) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(parsed.data[key])) {
      throw new CursorError(
        `The cursor continues a listing made with a different ${key}. Pass the cursor alone (it remembers the filters), or drop it to start a new listing.`,
      );
    }
  }
  return { query: parsed.data, position: decoded.position };
}

function render<T, Q extends Record<string, unknown>, S, Totals>(
  spec: ListingSpec<T, Q, S, Totals>,
  query: Q,
  cap: number,
  collected: Collected<T>,
  services: Services,
): CallToolResult {
  const summaries = collected.items.map(spec.summarize);
  const totals = spec.totals(summaries);
  const cursor = collected.resume && encodeCursor(spec.tool, query, collected.resume);
  const warnings = [
    ...services.config.warnings,
    ...collected.warnings,
    ...(collected.failure ? [`A page failed, so this result is partial. ${describeBatchError(collected.failure)} Call again with the cursor to resume from the failed page.`] : []),
  ];
  const structured = {
    [spec.itemsKey]: summaries,
    returned: summaries.length,
    has_more: collected.hasMore,
    ...(cursor && { cursor }),
    pages: collected.pages,
    totals,
    ...(warnings.length && { warnings }),
  };
  const header = [
    summaries.length
      ? `${summaries.length} ${spec.noun} from ${plural(collected.pages, "page")}${summaries.length === cap ? ` (max_results ${cap} reached)` : ""}.`
      : `No ${spec.noun} match.`,
    spec.note?.(query),
    summaries.length ? spec.totalsLine(totals) : undefined,
    cursor ? `More may match: call ${spec.tool} with cursor "${cursor}" to continue.` : undefined,
    ...warnings.map((w) => `Warning: ${w}`),
  ];
  const lines = summaries.map((s) => `- ${spec.line(s)}`);
  const links = spec.resource ? resources(spec.resource, collected.items, services) : { text: undefined, links: [] };
  const text = [...header.filter(Boolean), ...(lines.length ? ["", ...lines] : []), ...(links.text ? ["", links.text] : [])];
  return toolResult(text.join("\n"), structured, links.links);
}

/** Resource links for a large result would drown it: link the first ones and say so. */
export const MAX_RESOURCE_LINKS = 25;

function resources<T>(kind: ResourceKind<T>, items: readonly T[], services: Services): { text: string | undefined; links: ContentBlock[] } {
  remember(services.cache, kind, items);
  const links = items.slice(0, MAX_RESOURCE_LINKS).map((item) => resourceLink(kind, item));
  const text =
    items.length > links.length
      ? `Resource links for the first ${links.length} of ${items.length}; every item's uri can be read as a resource.`
      : undefined;
  return { text, links };
}
