// Background fetching into a cache, for a prompt that ran out of time: prompts cannot be
// resumed with a cursor, so what an audit could not read in its budget is fetched here, paced
// like every request, and the next audit finds it cached. One run at a time, a bounded
// queue, and nothing here ever answers a client. The stats and the content caches each
// have one (stats-prefetch.ts, content-prefetch.ts), differing only in these hooks.

import type { Logger } from "../../log.js";

export interface BackgroundJobs<J> {
  /** Names a job: the same key is queued once. */
  key(job: J): string;
  /** Already cached: nothing to fetch. */
  cached(job: J): boolean;
  fetch(job: J, signal: AbortSignal): Promise<unknown>;
  /** For the log line when a fetch fails ("stats fetch of orchestration_…"). */
  describe(job: J): string;
}

/** At most this many waiting: an audit asks for up to 100 of each kind. */
export const BACKGROUND_QUEUE_MAX = 200;

export class BackgroundFetch<J> {
  private readonly queue: J[] = [];
  private running = false;
  // Closing stops the run: a stdio server whose client left must not go on calling Batch.
  private readonly stopped = new AbortController();

  constructor(
    private readonly jobs: BackgroundJobs<J>,
    private readonly log: Logger,
  ) {}

  /** Drops what is queued and cancels the request under way. */
  close(): void {
    this.queue.length = 0;
    this.stopped.abort();
  }

  /** Queues what is not cached or queued already, and starts the one run if it is idle. */
  enqueue(jobs: readonly J[]): void {
    const queued = new Set(this.queue.map((j) => this.jobs.key(j)));
    for (const job of jobs) {
      if (this.queue.length >= BACKGROUND_QUEUE_MAX) break;
      const key = this.jobs.key(job);
      if (queued.has(key) || this.jobs.cached(job)) continue;
      queued.add(key);
      this.queue.push(job);
    }
    if (!this.running && this.queue.length > 0 && !this.stopped.signal.aborted) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let job = this.queue.shift(); job !== undefined; job = this.queue.shift()) {
        try {
          await this.jobs.fetch(job, this.stopped.signal);
        } catch (error) {
          if (this.stopped.signal.aborted) return;
          // The next audit asks again and reports the failure in its text.
          this.log("warn", `background ${this.jobs.describe(job)} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
