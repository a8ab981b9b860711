// What a listing reads: the part of a listing tool's spec the collector needs (where the
// pages come from, what matches, which kind of item), what one call asks for, and what a
// totals_only scan carries from call to call.

import type { z } from "zod";
import type { Page } from "../../batch/pages.js";
import type { ItemKind } from "../kinds/item-kind.js";
import type { ProjectSelection } from "../project-selection.js";
import type { Services } from "../services.js";
import type { CreatedSpan } from "./totals.js";

export interface ListingSource<T, Q extends Record<string, unknown>> {
  /** The tool the listing answers: its cursors carry this name, and the pages kept for them are filed under it. */
  tool: string;
  query: z.ZodType<Q>;
  /** `want` = items still to collect (the cap plus what the resume position skips), a hint for prefetching. */
  pages(services: Services, query: Q, start: string | undefined, signal: AbortSignal, want: number): AsyncIterable<Page<T>>;
  matches(query: Q): (item: T) => boolean;
  /** The project the query names (from the arguments or the cursor), resolved with the caller's grant. */
  project(query: Q): ProjectSelection;
  maxPages: number;
  /** Listed items become cached resources and get handles. */
  resource: ItemKind<T>;
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
