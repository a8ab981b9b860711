// Parsed orchestration stats per (project key, id, from, to), kept 10 minutes and shared
// by get_orchestration_stats, the stats resource, compare_orchestrations and the audit:
// at Batch's 1 request/s, asking again or drilling into one orchestration after a compare
// should cost nothing. It holds what Batch returned, not a report, so every group_by is
// served from one entry. Concurrent asks for the same entry share one request.

import { PLATFORMS_REFUSED } from "../../batch/client.js";
import { BatchApiError } from "../../batch/errors.js";
import type { OrchestrationStats } from "../../batch/stats.js";
import type { StatsQuery } from "../../batch/stats-endpoint.js";
import { abortable } from "./abortable.js";

export type StatsLoader = (query: StatsQuery, signal: AbortSignal | undefined, projectKey: string | undefined) => Promise<OrchestrationStats>;

interface Entry {
  stats: OrchestrationStats;
  /** Fetched with include_platforms: it can answer both kinds of request. */
  platforms: boolean;
  fetchedAt: number;
}

export interface StatsCacheOptions {
  /** The project key used when a request names none (BATCH_PROJECT_KEY). */
  defaultProjectKey: string | undefined;
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export const STATS_CACHE_TTL_MS = 10 * 60_000;
/** 100 orchestrations x a few ranges; a 6-month entry with platforms is about 1 MB of parsed figures at most. */
export const STATS_CACHE_ENTRIES = 300;

/** A non-platform request gets exactly what a non-platform fetch returns: no per-platform entries, no word about them. */
function withoutPlatforms(stats: OrchestrationStats): OrchestrationStats {
  return {
    ...stats,
    entries: stats.entries.filter((e) => e.platform === undefined),
    warnings: stats.warnings.filter((w) => w !== PLATFORMS_REFUSED),
  };
}

export class StatsCache {
  // Map order is recency of use: the first entry is the one to evict.
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, { platforms: boolean; promise: Promise<OrchestrationStats> }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly load: StatsLoader,
    private readonly options: StatsCacheOptions,
  ) {
    this.maxEntries = options.maxEntries ?? STATS_CACHE_ENTRIES;
    this.ttlMs = options.ttlMs ?? STATS_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The cached stats for this request, if fresh and able to answer it; no request is made. */
  peek(query: StatsQuery, projectKey?: string): OrchestrationStats | undefined {
    const key = this.key(query, projectKey);
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.fetchedAt >= this.ttlMs) {
      if (entry) this.entries.delete(key);
      return undefined;
    }
    if (query.includePlatforms && !entry.platforms) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return query.includePlatforms ? entry.stats : withoutPlatforms(entry.stats);
  }

  /** From the cache, else from Batch (joining a request already under way for the same entry). */
  async get(query: StatsQuery, signal?: AbortSignal, projectKey?: string): Promise<OrchestrationStats> {
    const cached = this.peek(query, projectKey);
    if (cached) return cached;
    const key = this.key(query, projectKey);
    const running = this.inflight.get(key);
    if (running && (running.platforms || !query.includePlatforms)) {
      try {
        const stats = await abortable(running.promise, signal, cancelled);
        return query.includePlatforms ? stats : withoutPlatforms(stats);
      } catch (error) {
        // Batch's answer is ours too; only the other caller's cancellation means asking again.
        const otherCancelled = error instanceof BatchApiError && error.kind === "aborted" && !signal?.aborted;
        if (!otherCancelled) throw error;
      }
    }
    return this.fetch(key, query, signal, projectKey);
  }

  private async fetch(key: string, query: StatsQuery, signal: AbortSignal | undefined, projectKey: string | undefined): Promise<OrchestrationStats> {
    const platforms = query.includePlatforms === true;
    const promise = this.load(query, signal, projectKey);
    this.inflight.set(key, { platforms, promise });
    try {
      const stats = await promise;
      this.store(key, { stats, platforms, fetchedAt: this.now() });
      return stats;
    } finally {
      if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
    }
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  private key(query: StatsQuery, projectKey: string | undefined): string {
    return JSON.stringify([projectKey ?? this.options.defaultProjectKey ?? "", query.orchestrationId, query.from, query.to]);
  }
}

const cancelled = () => new BatchApiError({ kind: "aborted", api: "v2", operation: "get orchestration stats", retryable: false, batchMessage: "cancelled by the client" });
