// The listing machinery both list tools share: collect pages from where the call starts,
// within the cap, the response budget (each item measured by the MCP layer, which knows
// what its line will be) and the time budget; keep the page a cut happened in for its
// cursor; remember what was listed.

import { collect, type Collected } from "../../batch/collect.js";
import type { Page } from "../../batch/pages.js";
import type { CallContext } from "../call-context.js";
import type { ItemKind } from "../kinds/item-kind.js";
import { remember, see } from "../kinds/remember.js";
import type { Services } from "../services.js";
import { CharBudget } from "./char-budget.js";
import { afterKept } from "../state/resume-pages.js";
import { TOTALS_MAX_PAGES, type ListingArgs, type ListingSource } from "./source.js";
import type { ListingStart } from "./start-listing.js";

/** The response budget, item by item: `measure` says what one more item adds, `taken` being the items already let in. */
export interface SizeBudget<T> {
  chars: number;
  measure(item: T, taken: number): number;
}

export interface CollectHow<T> {
  /** Absent when counting: totals take no room per item. */
  size?: SizeBudget<T>;
  onPage(progress: { pages: number; collected: number }): Promise<void>;
}

export async function collectListing<T, Q extends Record<string, unknown>, Totals>(
  source: ListingSource<T, Q>,
  args: ListingArgs<Q>,
  start: ListingStart<Q, Totals>,
  ctx: CallContext,
  how: CollectHow<T>,
): Promise<Collected<T>> {
  const { services } = ctx;
  const { query, position } = start;
  const fetchSignal = ctx.until;
  const fetch = (from: string | undefined) => source.pages(services, query, from, fetchSignal, args.max_results + position.skip);
  // A continuation of a listing cut mid-page starts in the page it was cut in: kept, not asked again.
  const scope = `${source.tool}:${JSON.stringify(query)}`;
  const kept = args.cursor ? services.resumePages.take<T>(scope, position) : undefined;
  const last: { page?: Page<T> } = {};
  const collected = await collect({
    pages: (from) => seen(services, source.resource, kept ? afterKept(kept, fetch) : fetch(from), last),
    start: position,
    cap: args.max_results,
    matches: source.matches(query),
    key: source.resource.key,
    maxPages: start.totalsOnly ? TOTALS_MAX_PAGES : source.maxPages,
    ...(how.size && { accept: fitsIn(how.size) }),
    stop: ctx.deadline.signal,
    onPage: how.onPage,
  });
  if (collected.resume && last.page) services.resumePages.keep(scope, collected.resume, last.page);
  // Listed items become cached resources; counted ones were only seen (for their handles).
  if (!start.totalsOnly) remember(services, source.resource, collected.items);
  return collected;
}

/** Every page the listing reads counts for handle uniqueness, kept or not; `last` holds the latest. */
async function* seen<T>(services: Services, kind: ItemKind<T>, pages: AsyncIterable<Page<T>>, last: { page?: Page<T> }): AsyncGenerator<Page<T>> {
  for await (const page of pages) {
    see(services, kind, page.items);
    last.page = page;
    yield page;
  }
}

/** Decides, item by item, whether one more fits in the response budget. */
function fitsIn<T>(size: SizeBudget<T>): (item: T) => boolean {
  const budget = new CharBudget(size.chars);
  let taken = 0;
  return (item) => {
    const fits = budget.take(size.measure(item, taken));
    if (fits) taken++;
    return fits;
  };
}
