// What a listing tool hands the listing machinery: its source (src/workspace/listing/
// source.ts: where pages come from, what matches, which kind of item) and how to
// summarise and print its items.

import type { ListingSource } from "../../workspace/listing/source.js";
import type { TotalsTree } from "../../workspace/listing/totals.js";
import type { Services } from "../../workspace/services.js";

export interface LineContext {
  /** Dates in this UTC year are printed without it (the header says which year). */
  year: number;
}

export interface ListingSpec<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree> extends ListingSource<T, Q> {
  /** Plural noun for text ("orchestrations"). */
  noun: string;
  /** The structured key of the item array. */
  itemsKey: string;
  created(item: T): string | undefined;
  /** `uri`: the item's resource URI, in its project. */
  summarize(item: T, handle: string, uri: string): S;
  line(summary: S, context: LineContext): string;
  totals(summaries: S[]): Totals;
  totalsLine(totals: Totals): string;
  /** A reminder about API defaults (or what the listing covers) worth knowing when reading the result. */
  note?(query: Q, services: Services): string | undefined;
  /** What lines leave out when it is the usual, said once above them. */
  lineDefaults?: string;
}

/** Resource links for a large result would drown it: link the first ones and say so. */
export const MAX_RESOURCE_LINKS = 10;
