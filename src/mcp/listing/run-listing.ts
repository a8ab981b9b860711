// A listing tool's answer: the workspace's listing machinery collects (from the query or
// the cursor, within the cap and the call's budgets), each item measured here by the line
// and link it adds to the text; the result is rendered as items or as totals. Each tool
// supplies only data (its spec).

import type { CallToolResult } from "@modelcontextprotocol/server";
import { batchTime } from "../../batch/dates.js";
import { InputError } from "../../workspace/input-error.js";
import type { ItemKind } from "../../workspace/kinds/item-kind.js";
import { collectListing, type SizeBudget } from "../../workspace/listing/collect-listing.js";
import { encodeCursor } from "../../workspace/listing/cursor.js";
import type { ListingArgs } from "../../workspace/listing/source.js";
import { startListing } from "../../workspace/listing/start-listing.js";
import type { TotalsTree } from "../../workspace/listing/totals.js";
import type { Services } from "../../workspace/services.js";
import { clip, count, plural } from "../format/text.js";
import { resourceLink } from "../resources/kind.js";
import type { ToolContext } from "../tool-definition.js";
import { MAX_LINE_CHARS } from "./budget.js";
import { renderItems, renderTotals } from "./render.js";
import { MAX_RESULTS_LIMIT, TOTALS_MAX_RESULTS } from "./schema.js";
import { MAX_RESOURCE_LINKS, type LineContext, type ListingSpec } from "./spec.js";

export type { LineContext, ListingSpec } from "./spec.js";

export async function runListing<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(
  spec: ListingSpec<T, Q, S, Totals>,
  args: ListingArgs<Q>,
  ctx: ToolContext,
): Promise<CallToolResult> {
  const start = startListing<T, Q, Totals>(spec, args);
  checkArgs(start.query, args.max_results, start.totalsOnly);
  // The project comes from the query the cursor carries too, and is checked against the caller's grant each time.
  const call = ctx.in(spec.project(start.query));
  const size = start.totalsOnly ? undefined : lineBudget(spec, call.services, start.query, args.max_results);
  const collected = await collectListing(spec, args, start, call, {
    ...(size && { size }),
    onPage: ({ pages, collected }) => call.progress(pages, undefined, `Fetched ${plural(pages, "page")}, ${collected} ${spec.noun} so far`),
  });
  const render = start.totalsOnly ? renderTotals : renderItems;
  return render(spec, start.query, args.max_results, collected, call, start.tally);
}

function checkArgs(query: Record<string, unknown>, maxResults: number, totalsOnly: boolean): void {
  if (!totalsOnly && maxResults > MAX_RESULTS_LIMIT) {
    throw new InputError(
      `max_results ${maxResults} is more than one answer can show (${MAX_RESULTS_LIMIT} at most). For counts, pass totals_only: true (up to ${count(TOTALS_MAX_RESULTS)}); to read items, page with the cursor.`,
    );
  }
  const { created_after: after, created_before: before } = query;
  if (typeof after === "string" && typeof before === "string" && batchTime(after) >= batchTime(before)) {
    throw new InputError(`created_after (${after}) is not before created_before (${before}), so nothing can match. Swap them, or drop one.`);
  }
}

/** What one more line (and its link) adds to the text, against the response budget less the header's room. */
function lineBudget<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(
  spec: ListingSpec<T, Q, S, Totals>,
  services: Services,
  query: Q,
  cap: number,
): SizeBudget<T> {
  const index = services.handles.for(spec.resource);
  // Every year printed: the longest a line can be, whichever year the header names.
  const context: LineContext = { year: Number.NaN };
  // Room for the header: counts, notes, warnings, the cursor sentence (its cursor carries the
  // query; Batch's own page tokens are a few dozen characters, 200 allowed here); and handles
  // that may grow by a character when later pages bring a near-twin id.
  const cursor = encodeCursor(spec.tool, query, { page: "x".repeat(200), skip: cap }).length;
  const reserve = 2_500 + cursor + cap * 2 + services.config.warnings.join(" ").length;
  return {
    chars: services.config.maxResultChars - reserve,
    measure(item, taken) {
      const key = spec.resource.key(item);
      const summary = spec.summarize(item, index.handle(key), spec.resource.uri(key, services.uriBase));
      const line = clip(spec.line(summary, context), MAX_LINE_CHARS).length + 3;
      const link = taken < MAX_RESOURCE_LINKS ? linkChars(spec.resource, item, services.uriBase) : 0;
      return line + link;
    },
  };
}

function linkChars<T>(kind: ItemKind<T>, item: T, uriBase: string): number {
  const link = resourceLink(kind, item, uriBase);
  return link.uri.length + link.name.length;
}
