// Background fetching into the stats cache, for a prompt that ran out of time: prompts
// cannot be resumed with a cursor, so what the audit could not read in its budget is
// fetched here, paced like every request, and the next audit finds it cached. One run at
// a time, a bounded queue, and nothing here ever answers a client.

import type { StatsQuery } from "../../batch/stats-endpoint.js";
import type { Logger } from "../../log.js";
import type { StatsCache } from "./stats-cache.js";

export interface PrefetchJob {
  query: StatsQuery;
  projectKey?: string | undefined;
}

/** At most this many waiting: an audit asks for up to 100. */
export const PREFETCH_QUEUE_MAX = 200;

export class StatsPrefetch {
  private readonly queue: PrefetchJob[] = [];
  private running = false;
  // Closing stops the run: a stdio server whose client left must not go on calling Batch.
  private readonly stopped = new AbortController();

  constructor(
    private readonly stats: StatsCache,
    private readonly log: Logger,
  ) {}

  /** Drops what is queued and cancels the request under way. */
  close(): void {
    this.queue.length = 0;
    this.stopped.abort();
  }

  /** Queues what is not cached or queued already, and starts the one run if it is idle. */
  enqueue(jobs: readonly PrefetchJob[]): void {
    const key = (j: PrefetchJob) => JSON.stringify([j.projectKey ?? "", j.query.orchestrationId, j.query.from, j.query.to]);
    const queued = new Set(this.queue.map(key));
    for (const job of jobs) {
      if (this.queue.length >= PREFETCH_QUEUE_MAX) break;
      if (queued.has(key(job)) || this.stats.peek(job.query, job.projectKey)) continue;
      queued.add(key(job));
      this.queue.push(job);
    }
    if (!this.running && this.queue.length > 0 && !this.stopped.signal.aborted) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        try {
          await this.stats.get(job.query, this.stopped.signal, job.projectKey);
        } catch (error) {
          if (this.stopped.signal.aborted) return;
          // The next audit asks again and reports the failure in its text.
          this.log("warn", `background stats fetch of ${job.query.orchestrationId} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
