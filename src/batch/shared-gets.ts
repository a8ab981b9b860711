// Many users, one quota: identical GETs in flight at the same time are sent once and their
// answer shared, and list pages are kept briefly, so forty people asking the same listing
// within seconds cost one paging. Keys are the whole request (URL and headers: REST key,
// project key, app key), so nothing is shared across keys.
//
// A shared request runs under its own abort controller: one waiter cancelling only stops
// that waiter; the request is aborted when every waiter has gone.

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

interface Kept {
  value: unknown;
  expiresAt: number;
}

/** Enough for every page of several listings per key; the oldest go first past it. */
const MAX_KEPT = 1000;

export class SharedGets {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly keepMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * The answer of `fetch` for `key`: kept, joined in flight, or fetched now.
   * `keep` says whether the answer may be kept (list pages). `aborted` makes the error a
   * waiter gets when its own signal aborts.
   */
  get<T>(key: string, keep: boolean, signal: AbortSignal | undefined, fetch: (signal: AbortSignal) => Promise<T>, aborted: () => Error): Promise<T> {
    const kept = this.kept.get(key);
    if (kept && kept.expiresAt > this.now()) return Promise.resolve(kept.value as T);
    if (signal?.aborted) return Promise.reject(aborted());
    const flight = this.inFlight.get(key) ?? this.start(key, keep, fetch);
    flight.waiters++;
    return this.wait(key, flight, signal, aborted) as Promise<T>;
  }

  private start(key: string, keep: boolean, fetch: (signal: AbortSignal) => Promise<unknown>): InFlight {
    const controller = new AbortController();
    const promise = fetch(controller.signal).then((value) => {
      if (keep && this.keepMs > 0) this.keep(key, value);
      return value;
    });
    const flight: InFlight = { promise, controller, waiters: 0 };
    // Settled or abandoned, the next caller starts afresh.
    const forget = () => {
      if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
    };
    promise.then(forget, forget);
    this.inFlight.set(key, flight);
    return flight;
  }

  private wait(key: string, flight: InFlight, signal: AbortSignal | undefined, aborted: () => Error): Promise<unknown> {
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      const leave = () => {
        reject(aborted());
        if (--flight.waiters > 0) return;
        flight.controller.abort();
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
      };
      signal.addEventListener("abort", leave, { once: true });
      flight.promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", leave));
    });
  }

  private keep(key: string, value: unknown): void {
    const now = this.now();
    for (const [k, entry] of this.kept) {
      if (entry.expiresAt <= now || this.kept.size >= MAX_KEPT) this.kept.delete(k);
      else break;
    }
    // Deleted first so that a renewed key moves to the end: insertion order stays expiry order.
    this.kept.delete(key);
    this.kept.set(key, { value, expiresAt: now + this.keepMs });
  }
}

/** The whole request as a key: headers in a fixed order, so equal requests meet. */
export function requestKey(url: URL, headers: Record<string, string>): string {
  const sorted = Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([url.toString(), sorted]);
}
