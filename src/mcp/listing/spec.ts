// What a listing tool hands the listing machinery: how to fetch, filter, summarise and
// print its items (the spec), and what one call asks for (the args).

import type { z } from "zod";
import type { Page } from "../../batch/pages.js";
import type { ResourceKind } from "../resources/kind.js";
import type { Services } from "../../workspace/services.js";
import type { CreatedSpan, TotalsTree } from "../../workspace/listing/totals.js";

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
export interface Tally<Totals> {
  totals: Totals;
  scanned: number;
  pages: number;
  span?: CreatedSpan;
}

/** A totals_only scan may read this many pages in one call (10,000 items at 100 a page). */
export const TOTALS_MAX_PAGES = 100;
/** Resource links for a large result would drown it: link the first ones and say so. */
export const MAX_RESOURCE_LINKS = 10;

