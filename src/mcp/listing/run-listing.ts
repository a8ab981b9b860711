// The listing machinery both list tools share: resolve the query (fresh or from a
// cursor), collect pages within the cap and the call's size and time budgets, report
// progress, and hand the result to its renderer. Each tool supplies only data (its spec).

import type { CallToolResult } from "@modelcontextprotocol/server";
import { collect, START } from "../../batch/collect.js";
import { batchTime } from "../../batch/dates.js";
import { isRecord } from "../../batch/json.js";
import type { Page } from "../../batch/pages.js";
import { clip, count, plural } from "../format/text.js";
import { InputError } from "../input-error.js";
import { resourceLink, see, type ResourceKind } from "../resources/kind.js";
import type { Services } from "../services.js";
import type { ToolContext } from "../tool-definition.js";
import { CharBudget, MAX_LINE_CHARS } from "./budget.js";
import { CursorError, decodeCursor, encodeCursor } from "./cursor.js";
import { renderItems, renderTotals } from "./render.js";
import { afterKept } from "./resume-pages.js";
import { MAX_RESULTS_LIMIT, TOTALS_MAX_RESULTS } from "./schema.js";
import { MAX_RESOURCE_LINKS, TOTALS_MAX_PAGES, type LineContext, type ListingArgs, type ListingSpec, type Tally } from "./spec.js";
import type { TotalsTree } from "./totals.js";

export type { LineContext, ListingArgs, ListingSpec } from "./spec.js";

export async function runListing<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(
  spec: ListingSpec<T, Q, S, Totals>,
  args: ListingArgs<Q>,
  ctx: ToolContext,
): Promise<CallToolResult> {
  const { query, position, tally } = args.cursor ? resume(spec, args) : { query: args.query, position: START, tally: undefined };
  const totalsOnly = tally !== undefined || args.totals_only === true;
  checkArgs(query, args.max_results, totalsOnly);
  const { services } = ctx;
  const lines = totalsOnly ? undefined : budgetedLines(spec, services, query, args.max_results);
  const fetchSignal = ctx.until;
  const fetch = (start: string | undefined) => spec.pages(services, query, start, fetchSignal, args.max_results + position.skip);
  // A continuation of a listing cut mid-page starts in the page it was cut in: kept, not asked again.
  const scope = `${spec.tool}:${JSON.stringify(query)}`;
  const kept = args.cursor ? services.resumePages.take<T>(scope, position) : undefined;
  const last: { page?: Page<T> } = {};
  const collected = await collect({
    pages: (start) => seen(services, spec.resource, kept ? afterKept(kept, fetch) : fetch(start), last),
    start: position,
    cap: args.max_results,
    matches: spec.matches(query),
    key: spec.resource.key,
    maxPages: totalsOnly ? TOTALS_MAX_PAGES : spec.maxPages,
    ...(lines && { accept: lines.accept }),
    stop: ctx.deadline.signal,
    onPage: ({ pages, collected }) => ctx.progress(pages, undefined, `Fetched ${plural(pages, "page")}, ${collected} ${spec.noun} so far`),
  });
  if (collected.resume && last.page) services.resumePages.keep(scope, collected.resume, last.page);
  const render = totalsOnly ? renderTotals : renderItems;
  return render(spec, query, args.max_results, collected, ctx, tally);
}

function resume<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(spec: ListingSpec<T, Q, S, Totals>, args: ListingArgs<Q>) {
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
  if (decoded.acc !== undefined && !isTally(decoded.acc)) throw new CursorError("The cursor is not one this server issued (its counts are damaged); drop it to count from the beginning.");
  const tally = decoded.acc as Tally<Totals> | undefined;
  if (args.totals_only !== undefined && args.totals_only !== (tally !== undefined)) {
    throw new CursorError(`The cursor continues a listing made with totals_only ${tally !== undefined}. Pass the cursor alone, or drop it to start a new listing.`);
  }
  return { query: parsed.data, position: decoded.position, tally };
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

/** Every page the listing reads counts for handle uniqueness, kept or not; `last` holds the latest. */
async function* seen<T>(services: Services, kind: ResourceKind<T>, pages: AsyncIterable<Page<T>>, last: { page?: Page<T> }): AsyncGenerator<Page<T>> {
  for await (const page of pages) {
    see(services, kind, page.items);
    last.page = page;
    yield page;
  }
}

/** Decides, item by item, whether one more line (and its link) fits in the response budget. */
function budgetedLines<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(
  spec: ListingSpec<T, Q, S, Totals>,
  services: Services,
  query: Q,
  cap: number,
) {
  const index = services.handles.for(spec.resource);
  // Every year printed: the longest a line can be, whichever year the header names.
  const context: LineContext = { year: Number.NaN };
  // Room for the header: counts, notes, warnings, the cursor sentence (its cursor carries the
  // query; Batch's own page tokens are a few dozen characters, 200 allowed here); and handles
  // that may grow by a character when later pages bring a near-twin id.
  const cursor = encodeCursor(spec.tool, query, { page: "x".repeat(200), skip: cap }).length;
  const reserve = 2_500 + cursor + cap * 2 + services.config.warnings.join(" ").length;
  const budget = new CharBudget(services.config.maxResultChars - reserve);
  let taken = 0;
  return {
    accept(item: T): boolean {
      const summary = spec.summarize(item, index.handle(spec.resource.key(item)));
      const line = clip(spec.line(summary, context), MAX_LINE_CHARS).length + 3;
      const link = taken < MAX_RESOURCE_LINKS ? linkChars(spec.resource, item) : 0;
      const fits = budget.take(line + link);
      if (fits) taken++;
      return fits;
    },
  };
}

function linkChars<T>(kind: ResourceKind<T>, item: T): number {
  const link = resourceLink(kind, item);
  return link.uri.length + link.name.length;
}


const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isTree = (v: unknown): boolean => isRecord(v) && Object.values(v).every((x) => isCount(x) || isTree(x));

/** What a counting cursor carries, checked: a cursor is text the client can alter. */
function isTally(v: unknown): boolean {
  if (!isRecord(v) || !isTree(v.totals) || !isCount(v.scanned) || !isCount(v.pages)) return false;
  return v.span === undefined || (isRecord(v.span) && typeof v.span.first === "string" && typeof v.span.last === "string");
}
