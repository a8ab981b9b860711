// Campaign copy per (kind, project key or app, id), kept 10 minutes like the stats and shared
// by get_campaign_content, its resource and the copy audit: at Batch's 1 request/s, reading a
// campaign's copy after an audit (or asking twice) should cost nothing. Concurrent asks for
// one entry share one request.

import type { CampaignContent, ContentKind } from "../../batch/content.js";
import { BatchApiError } from "../../batch/errors.js";
import { abortable } from "./abortable.js";
import { STATS_CACHE_TTL_MS } from "./stats-cache.js";

export interface ContentKey {
  kind: ContentKind;
  /** The orchestration id or the in-app campaign token. */
  id: string;
  /** The project key (orchestrations) or app (in-app campaigns) it was asked of; "" for the configured one. */
  scope: string;
}

export type ContentLoader = (signal: AbortSignal | undefined) => Promise<CampaignContent>;

export interface ContentCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export const CONTENT_CACHE_TTL_MS = STATS_CACHE_TTL_MS;
/** An audit reads up to 100 push campaigns and 100 in-app campaigns; a campaign's copy is a few kB. */
export const CONTENT_CACHE_ENTRIES = 1_000;

export interface ContentHit {
  content: CampaignContent;
  /** Whether this ask reached Batch. */
  source: "cache" | "batch";
}

export function contentKeyText(key: ContentKey): string {
  return JSON.stringify([key.kind, key.scope, key.id]);
}

export class ContentCache {
  // Map order is recency of use: the first entry is the one to evict.
  private readonly entries = new Map<string, { content: CampaignContent; fetchedAt: number }>();
  private readonly inflight = new Map<string, Promise<CampaignContent>>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ContentCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? CONTENT_CACHE_ENTRIES;
    this.ttlMs = options.ttlMs ?? CONTENT_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The fresh cached copy, if any; no request is made. */
  peek(key: ContentKey): CampaignContent | undefined {
    const text = contentKeyText(key);
    const entry = this.entries.get(text);
    if (!entry) return undefined;
    this.entries.delete(text);
    if (this.now() - entry.fetchedAt >= this.ttlMs) return undefined;
    this.entries.set(text, entry);
    return entry.content;
  }

  /** From the cache, else from Batch through `load` (joining a request already under way for the same key). */
  async get(key: ContentKey, load: ContentLoader, signal?: AbortSignal): Promise<ContentHit> {
    const cached = this.peek(key);
    if (cached) return { content: cached, source: "cache" };
    const text = contentKeyText(key);
    const running = this.inflight.get(text);
    if (running) {
      try {
        return { content: await abortable(running, signal, cancelledRead(key.kind)), source: "batch" };
      } catch (error) {
        // Batch's answer is ours too; only the other caller's cancellation means asking again.
        const otherCancelled = error instanceof BatchApiError && error.kind === "aborted" && !signal?.aborted;
        if (!otherCancelled) throw error;
      }
    }
    const promise = load(signal);
    this.inflight.set(text, promise);
    try {
      const content = await promise;
      this.store(text, content);
      return { content, source: "batch" };
    } finally {
      if (this.inflight.get(text) === promise) this.inflight.delete(text);
    }
  }

  private store(text: string, content: CampaignContent): void {
    this.entries.delete(text);
    this.entries.set(text, { content, fetchedAt: this.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}

/** What a waiter's own cancellation says, as the Batch client would. */
function cancelledRead(kind: ContentKind): () => BatchApiError {
  return () =>
    new BatchApiError({
      kind: "aborted",
      api: kind === "orchestration" ? "v2" : "v1.1",
      operation: kind === "orchestration" ? "get push campaign content" : "get in-app campaign",
      retryable: false,
      batchMessage: "cancelled by the client",
    });
}
