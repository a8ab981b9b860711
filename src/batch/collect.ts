// The collector sits on the page iterator: it applies the cap and client-side filters,
// guards against paging loops, and computes the exact position to resume from, so a
// later call repeats no item and skips none, even when it stopped mid-page.

import { BatchApiError } from "./errors.js";
import type { Page } from "./pages.js";

/** Where to resume: the page's fetch position and how many of its items were consumed. */
export interface Position {
  page: string | undefined;
  skip: number;
}

export const START: Position = { page: undefined, skip: 0 };

/** Why a collection ended before the API ran out of items. */
export type StopReason = "cap" | "size" | "time" | "page-limit" | "failure";

export interface CollectOptions<T> {
  /** Pages from a fetch position onward, in API order. */
  pages: (start: string | undefined) => AsyncIterable<Page<T>>;
  start: Position;
  cap: number;
  matches: (item: T) => boolean;
  /** Identity, to drop an item the API sends twice. */
  key: (item: T) => string;
  maxPages: number;
  /** Asked before each item is kept: false stops the collection there (a size budget), resuming at that item. */
  accept?: (item: T) => boolean;
  /** The call's deadline: when it fires, collection ends with what it has and resumes at the page it was fetching. */
  stop?: AbortSignal;
  onPage?: (progress: { pages: number; collected: number }) => void | Promise<void>;
}

export interface Collected<T> {
  items: T[];
  pages: number;
  hasMore: boolean;
  resume?: Position;
  /** Set when items may remain: what ended the collection. */
  stoppedBy?: StopReason;
  warnings: string[];
  /** Set when a page failed after earlier ones succeeded: `resume` retries that page. */
  failure?: BatchApiError;
}

export async function collect<T>(options: CollectOptions<T>): Promise<Collected<T>> {
  const state = { items: [] as T[], pages: 0, warnings: [] as string[] };
  const seenKeys = new Set<string>();
  const seenPositions = new Set<string>();
  let expected: Position = options.start;
  const fresh = (item: T) => options.matches(item) && !seenKeys.has(options.key(item));
  try {
    for await (const page of options.pages(options.start.page)) {
      state.pages++;
      state.warnings.push(...page.warnings);
      for (let i = expected.skip; i < page.items.length; i++) {
        const item = page.items[i] as T;
        if (!fresh(item)) continue;
        if (options.accept && !options.accept(item)) return done(state, { page: page.position, skip: i }, "size");
        seenKeys.add(options.key(item));
        state.items.push(item);
        if (state.items.length < options.cap) continue;
        if (page.items.slice(i + 1).some(fresh)) return done(state, { page: page.position, skip: i + 1 }, "cap");
        return done(state, page.next === undefined ? undefined : { page: page.next, skip: 0 }, "cap");
      }
      await options.onPage?.({ pages: state.pages, collected: state.items.length });
      if (page.next === undefined) return done(state, undefined);
      if (page.next === page.position || seenPositions.has(page.next)) {
        state.warnings.push("Batch sent a cursor it had already sent; paging stopped to avoid a loop. Results may be incomplete.");
        return done(state, undefined);
      }
      if (page.position !== undefined) seenPositions.add(page.position);
      expected = { page: page.next, skip: 0 };
      if (state.pages >= options.maxPages) {
        state.warnings.push(`Stopped after ${state.pages} pages (the per-call page limit); continue with the cursor.`);
        return done(state, expected, "page-limit");
      }
      if (options.stop?.aborted) return done(state, expected, "time");
    }
  } catch (error) {
    if (!(error instanceof BatchApiError)) throw error;
    if (error.kind === "aborted" && options.stop?.aborted) {
      // The deadline cut the page in flight: answer with what came before it, or say Batch was too slow.
      if (state.pages === 0) throw error.with({ kind: "deadline", batchMessage: undefined });
      return done(state, expected, "time");
    }
    // Nothing to show for it, or the client gave up: the error is the answer.
    if (state.pages === 0 || error.kind === "aborted") throw error;
    return { ...done(state, expected, "failure"), failure: error };
  }
  return done(state, undefined);
}

function done<T>(state: { items: T[]; pages: number; warnings: string[] }, resume: Position | undefined, reason?: StopReason): Collected<T> {
  return { ...state, hasMore: resume !== undefined, ...(resume && { resume, ...(reason && { stoppedBy: reason }) }) };
}
