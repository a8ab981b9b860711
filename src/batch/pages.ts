// Pagination, written once: an async iterator over pages that any endpoint can drive
// by supplying how to fetch the page at a position.

export interface Page<T> {
  items: T[];
  /** The position this page was fetched from (undefined = the first page). */
  position: string | undefined;
  /** Where the next page starts, or undefined when the API says there is no more. */
  next: string | undefined;
  /** Oddities noticed while parsing this page (skipped malformed items, inconsistent paging). */
  warnings: string[];
}

export type FetchPage<T> = (position: string | undefined, signal?: AbortSignal) => Promise<Page<T>>;

/** Yields pages until the API says there are no more. Stopping early is the consumer's call. */
export async function* pages<T>(fetchPage: FetchPage<T>, start?: string, signal?: AbortSignal): AsyncGenerator<Page<T>> {
  let position = start;
  do {
    const page = await fetchPage(position, signal);
    yield page;
    position = page.next;
  } while (position !== undefined);
}
