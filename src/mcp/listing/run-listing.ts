// The listing machinery both list tools share: resolve the query (fresh or from a
// cursor), collect pages within the cap and the call's size and time budgets, report
// progress, and render either the items or, with totals_only, only their totals. Each
// tool supplies only data: how to fetch, filter, summarise and print.

import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { collect, START, type Collected, type StopReason } from "../../batch/collect.js";
import { batchTime } from "../../batch/dates.js";
import { describeBudget } from "../../batch/deadline.js";
import type { Page } from "../../batch/pages.js";
import { describeBatchError } from "../error-messages.js";
import { clip, compactDate, count, plural } from "../format/text.js";
import { InputError } from "../input-error.js";
import { remember, resourceLink, see, type ResourceKind } from "../resources/kind.js";
import { toolResult } from "../results.js";
import type { Services } from "../services.js";
import type { ToolContext } from "../tool-definition.js";
import { CharBudget, MAX_LINE_CHARS } from "./budget.js";
import { CursorError, decodeCursor, encodeCursor } from "./cursor.js";
import { afterKept } from "./resume-pages.js";
import { MAX_RESULTS_LIMIT, TOTALS_MAX_RESULTS } from "./schema.js";
import { addTotals, joinSpans, spanOf, type CreatedSpan, type TotalsTree } from "./totals.js";

export interface LineContext {
  /** Dates in this UTC year are printed without it (the header says which year). */
  year: number;
}

export interface ListingSpec<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree> {
  tool: string;
  /** Plural noun for text ("orchestrations"). */
  noun: string;
  /** The structured key of the item array. */
  itemsKey: string;
  query: z.ZodType<Q>;
  /** `want` = items still to collect (the cap plus what the resume position skips), a hint for prefetching. */
  pages(services: Services, query: Q, start: string | undefined, signal: AbortSignal, want: number): AsyncIterable<Page<T>>;
  matches(query: Q): (item: T) => boolean;
  created(item: T): string | undefined;
  summarize(item: T, handle: string): S;
  line(summary: S, context: LineContext): string;
  totals(summaries: S[]): Totals;
  totalsLine(totals: Totals): string;
  /** A reminder about API defaults worth knowing when reading the result. */
  note?(query: Q): string | undefined;
  /** What lines leave out when it is the usual, said once above them. */
  lineDefaults?: string;
  maxPages: number;
  /** Listed items become cached resources, get handles, and the result links to them. */
  resource: ResourceKind<T>;
}

export interface ListingArgs<Q> {
  query: Q;
  max_results: number;
  cursor?: string | undefined;
  totals_only?: boolean | undefined;
}

/** What a totals_only scan has counted so far, carried from call to call in its cursor. */
interface Tally<Totals> {
  totals: Totals;
  scanned: number;
  pages: number;
  span?: CreatedSpan;
}

/** A totals_only scan may read this many pages in one call (10,000 items at 100 a page). */
export const TOTALS_MAX_PAGES = 100;
/** Resource links for a large result would drown it: link the first ones and say so. */
export const MAX_RESOURCE_LINKS = 10;

export async function runListing<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(
  spec: ListingSpec<T, Q, S, Totals>,
  args: ListingArgs<Q>,
  ctx: ToolContext,
): Promise<CallToolResult> {
  const { query, position, tally } = args.cursor ? resume(spec, args) : { query: args.query, position: START, tally: undefined };
  const totalsOnly = tally !== undefined || args.totals_only === true;
  checkArgs(query, args.max_results, totalsOnly);
  const { services } = ctx;
  const lines = totalsOnly ? undefined : budgetedLines(spec, services, args.max_results);
  const fetchSignal = AbortSignal.any([ctx.signal, ctx.deadline.signal]);
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
  cap: number,
) {
  const index = services.handles.for(spec.resource);
  // Every year printed: the longest a line can be, whichever year the header names.
  const context: LineContext = { year: Number.NaN };
  // Room for the header: counts, notes, the cursor sentence, warnings; and handles that
  // may grow by a character when later pages bring a near-twin id.
  const reserve = 2_500 + cap * 2 + services.config.warnings.join(" ").length;
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

/** The year most items were created in: its dates lose their year, which the header says once. */
function lineContext(created: ReadonlyArray<string | undefined>): LineContext {
  const years = new Map<number, number>();
  for (const date of created) {
    const time = date ? batchTime(date) : Number.NaN;
    if (Number.isNaN(time)) continue;
    const year = new Date(time).getUTCFullYear();
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  const [top] = [...years].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  return { year: top?.[0] ?? new Date().getUTCFullYear() };
}

const STOPPED: Record<StopReason, (collected: Collected<unknown>, cap: number, ctx: ToolContext) => string | undefined> = {
  cap: (_c, cap) => `max_results ${cap} reached`,
  size: (_c, _cap, ctx) => `stopped there to stay within the ${count(ctx.services.config.maxResultChars)}-character response budget`,
  time: (_c, _cap, ctx) => `stopped when the call's ${describeBudget(ctx.deadline.budgetMs)} time budget ran out`,
  "page-limit": () => undefined,
  failure: () => undefined,
};

/** How `stopped_by` names each reason in structured content. */
const STOPPED_BY: Record<StopReason, string> = {
  cap: "max_results",
  size: "response_budget",
  time: "time_budget",
  "page-limit": "page_limit",
  failure: "failed_page",
};

function warningsOf(collected: Collected<unknown>, services: Services): string[] {
  return [
    ...services.config.warnings,
    ...collected.warnings,
    ...(collected.failure ? [`A page failed, so this result is partial. ${describeBatchError(collected.failure)} Call again with the cursor to resume from the failed page.`] : []),
  ];
}

function renderItems<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(
  spec: ListingSpec<T, Q, S, Totals>,
  query: Q,
  cap: number,
  collected: Collected<T>,
  ctx: ToolContext,
): CallToolResult {
  const { services } = ctx;
  const index = services.handles.for(spec.resource);
  remember(services, spec.resource, collected.items);
  const summaries = collected.items.map((item) => spec.summarize(item, index.handle(spec.resource.key(item))));
  const totals = spec.totals(summaries);
  const span = spanOf(collected.items.map(spec.created), batchTime);
  const cursor = collected.resume && encodeCursor(spec.tool, query, collected.resume);
  const warnings = warningsOf(collected, services);
  const stopped = collected.stoppedBy && STOPPED[collected.stoppedBy](collected, cap, ctx);
  const structured = {
    [spec.itemsKey]: summaries,
    returned: summaries.length,
    has_more: collected.hasMore,
    ...(cursor && { cursor }),
    ...(collected.stoppedBy && { stopped_by: STOPPED_BY[collected.stoppedBy] }),
    pages: collected.pages,
    totals,
    ...(span && { created_span: span }),
    ...(warnings.length && { warnings }),
  };
  const context = lineContext(collected.items.map(spec.created));
  const links = collected.items.slice(0, MAX_RESOURCE_LINKS).map((item) => resourceLink(spec.resource, item));
  const header = [
    summaries.length
      ? `${summaries.length} ${spec.noun} from ${plural(collected.pages, "page")}${stopped ? ` (${stopped})` : ""}.`
      : `No ${spec.noun} match.`,
    spec.note?.(query),
    summaries.length ? spec.totalsLine(totals) : undefined,
    summaries.length ? `Dates UTC, year ${context.year} unless shown. Handles (the first column) stand for ids in every tool and batch:// URI.` : undefined,
    summaries.length ? spec.lineDefaults : undefined,
    cursor ? `More may match: call ${spec.tool} with cursor "${cursor}" to continue.` : undefined,
    ...warnings.map((w) => `Warning: ${w}`),
    links.length < summaries.length ? `Links for the first ${links.length}; every item's uri (structured content) is a readable resource.` : undefined,
  ];
  const lines = summaries.map((s) => `- ${clip(spec.line(s, context), MAX_LINE_CHARS)}`);
  const text = [...header.filter(Boolean), ...(lines.length ? ["", ...lines] : [])];
  return toolResult(text.join("\n"), structured, links);
}

function renderTotals<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(
  spec: ListingSpec<T, Q, S, Totals>,
  query: Q,
  _cap: number,
  collected: Collected<T>,
  ctx: ToolContext,
  before?: Tally<Totals>,
): CallToolResult {
  const here = spec.totals(collected.items.map((item) => spec.summarize(item, "")));
  const span = joinSpans(before?.span, spanOf(collected.items.map(spec.created), batchTime), batchTime);
  const tally: Tally<Totals> = {
    totals: before ? addTotals(before.totals, here) : here,
    scanned: (before?.scanned ?? 0) + collected.items.length,
    pages: (before?.pages ?? 0) + collected.pages,
    ...(span && { span }),
  };
  const cursor = collected.resume && encodeCursor(spec.tool, query, collected.resume, tally);
  const warnings = warningsOf(collected, ctx.services);
  const stopped = collected.stoppedBy && STOPPED[collected.stoppedBy](collected, _cap, ctx);
  const structured = {
    returned: 0,
    scanned: tally.scanned,
    has_more: collected.hasMore,
    ...(cursor && { cursor }),
    ...(collected.stoppedBy && { stopped_by: STOPPED_BY[collected.stoppedBy] }),
    pages: tally.pages,
    totals: tally.totals,
    ...(span && { created_span: span }),
    ...(warnings.length && { warnings }),
  };
  const earlier = before ? `, with the calls before this one` : "";
  const text = [
    tally.scanned
      ? `Totals of ${count(tally.scanned)} matching ${spec.noun}, from ${plural(tally.pages, "page")}${earlier}${stopped ? ` (${stopped})` : ""}.`
      : `No ${spec.noun} match.`,
    spec.note?.(query),
    tally.scanned ? spec.totalsLine(tally.totals) : undefined,
    span ? `Created between ${compactDate(span.first)} and ${compactDate(span.last)} (UTC).` : undefined,
    cursor ? `More may match: call ${spec.tool} with cursor "${cursor}" to keep counting (these totals carry over).` : undefined,
    ...warnings.map((w) => `Warning: ${w}`),
  ].filter(Boolean);
  return toolResult(text.join("\n"), structured);
}
