// Offset paging lets the next pages be requested before the current one arrives: this
// iterator keeps up to `concurrency` requests in flight, yields pages strictly in API
// order, stops at the first short page and cancels whatever was fetched speculatively
// once the consumer stops or a page fails.

import type { Page } from "./pages.js";

export interface OffsetPagesOptions<T> {
  fetchAt: (offset: number, signal: AbortSignal) => Promise<Page<T>>;
  start: number;
  pageSize: number;
  concurrency: number;
  /**
   * Pages the consumer expects to need (from its cap). Beyond it, pages are fetched one
   * at a time, so a small listing never pays for requests it throws away.
   */
  pagesWanted: number;
  signal?: AbortSignal;
}

export async function* offsetPages<T>(options: OffsetPagesOptions<T>): AsyncGenerator<Page<T>> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const inFlight: Array<Promise<Page<T>>> = [];
  let offset = options.start;
  let launched = 0;
  const launch = () => {
    const request = options.fetchAt(offset, signal);
    // A speculative page may fail after the consumer stopped caring; never let that surface
    // as an unhandled rejection. Awaited pages still throw to the consumer below.
    request.catch(() => undefined);
    inFlight.push(request);
    offset += options.pageSize;
    launched++;
  };
  try {
    for (;;) {
      const width = launched < options.pagesWanted ? Math.max(1, options.concurrency) : 1;
      while (inFlight.length === 0 || (inFlight.length < width && launched < Math.max(options.pagesWanted, 1))) launch();
      const page = await (inFlight.shift() as Promise<Page<T>>);
      yield page;
      if (page.next === undefined) return;
    }
  } finally {
    stop.abort();
  }
}
