// Background fetching into the content cache, for a copy audit that ran out of time (as
// stats-prefetch.ts does for the performance pass): what the audit could not read within its
// budget is fetched here, paced like every request, and the next audit finds it cached. One
// run at a time, a bounded queue, and nothing here ever answers a client.

import type { Logger } from "../../log.js";
import { contentKeyText, type ContentCache, type ContentKey, type ContentLoader } from "./content-cache.js";

export interface ContentJob {
  key: ContentKey;
  load: ContentLoader;
}

/** At most this many waiting: an audit asks for up to 100 of each kind. */
export const CONTENT_PREFETCH_QUEUE_MAX = 200;

export class ContentPrefetch {
  private readonly queue: ContentJob[] = [];
  private running = false;
  // Closing stops the run: a stdio server whose client left must not go on calling Batch.
  private readonly stopped = new AbortController();

  constructor(
    private readonly contents: ContentCache,
    private readonly log: Logger,
  ) {}

  /** Drops what is queued and cancels the request under way. */
  close(): void {
    this.queue.length = 0;
    this.stopped.abort();
  }

  /** Queues what is not cached or queued already, and starts the one run if it is idle. */
  enqueue(jobs: readonly ContentJob[]): void {
    const queued = new Set(this.queue.map((j) => contentKeyText(j.key)));
    for (const job of jobs) {
      if (this.queue.length >= CONTENT_PREFETCH_QUEUE_MAX) break;
      const text = contentKeyText(job.key);
      if (queued.has(text) || this.contents.peek(job.key)) continue;
      queued.add(text);
      this.queue.push(job);
    }
    if (!this.running && this.queue.length > 0 && !this.stopped.signal.aborted) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        try {
          await this.contents.get(job.key, job.load, this.stopped.signal);
        } catch (error) {
          if (this.stopped.signal.aborted) return;
          // The next audit asks again and reports the failure in its text.
          this.log("warn", `background content fetch of ${job.key.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
