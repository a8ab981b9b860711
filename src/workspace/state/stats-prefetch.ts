// The audit's performance pass, continued in the background: stats it could not read within
// its time budget are fetched into the stats cache for the next audit (background-fetch.ts).

import type { StatsQuery } from "../../batch/stats-endpoint.js";
import type { Logger } from "../../log.js";
import { BACKGROUND_QUEUE_MAX, BackgroundFetch } from "./background-fetch.js";
import type { StatsCache } from "./stats-cache.js";

export interface PrefetchJob {
  query: StatsQuery;
  projectKey?: string | undefined;
}

export const PREFETCH_QUEUE_MAX = BACKGROUND_QUEUE_MAX;

export class StatsPrefetch extends BackgroundFetch<PrefetchJob> {
  constructor(stats: StatsCache, log: Logger) {
    super(
      {
        key: (j) => JSON.stringify([j.projectKey ?? "", j.query.orchestrationId, j.query.from, j.query.to]),
        cached: (j) => stats.peek(j.query, j.projectKey) !== undefined,
        fetch: (j, signal) => stats.get(j.query, signal, j.projectKey),
        describe: (j) => `stats fetch of ${j.query.orchestrationId}`,
      },
      log,
    );
  }
}
