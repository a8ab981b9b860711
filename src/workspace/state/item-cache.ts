// What this session has seen: raw Batch objects keyed by resource URI, so resources can
// be read without a get-by-id endpoint (orchestrations have none) and resources/list
// can show them. Bounded in size (least recently used goes first) and in age (TTL).

import type { Json } from "../../batch/json.js";

export interface CachedItem {
  uri: string;
  /** Which resource template the URI belongs to ("orchestration", "inapp"). */
  kind: string;
  /** The template variable: an orchestration id or a campaign token. */
  key: string;
  name: string;
  raw: Json;
  fetchedAt: number;
  /** Increases with every put: orders the listing and anchors its cursor. */
  seq: number;
}

export type NewItem = Omit<CachedItem, "fetchedAt" | "seq">;

export interface ItemCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
  /** Gives each put its sequence number; several caches sharing one are ordered together
   *  (resources/list across projects). Default: this cache's own count. */
  sequence?: () => number;
}

export const DEFAULT_CACHE_ENTRIES = 5_000;
export const DEFAULT_CACHE_TTL_MS = 10 * 60_000;

export class ItemCache {
  // Map order is recency of use: the first entry is the one to evict.
  private readonly entries = new Map<string, CachedItem>();
  private readonly listeners: Array<(item: CachedItem) => void> = [];
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly sequence: () => number;

  constructor(options: ItemCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_CACHE_ENTRIES;
    this.ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
    this.sequence = options.sequence ?? counter();
  }

  /** Stores (or refreshes) an item; listeners hear about URIs the cache did not hold. */
  put(item: NewItem): CachedItem {
    const previous = this.entries.get(item.uri);
    const known = previous !== undefined && !this.expired(previous);
    this.entries.delete(item.uri);
    const entry: CachedItem = { ...item, fetchedAt: this.now(), seq: this.sequence() };
    this.entries.set(item.uri, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    if (!known) for (const listener of this.listeners) listener(entry);
    return entry;
  }

  /** The fresh entry for a URI, marked as recently used; undefined when absent or expired. */
  get(uri: string): CachedItem | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    this.entries.delete(uri);
    if (this.expired(entry)) return undefined;
    this.entries.set(uri, entry);
    return entry;
  }

  /** Fresh entries, most recently fetched first. */
  newestFirst(kind?: string): CachedItem[] {
    this.sweep();
    return [...this.entries.values()].filter((e) => kind === undefined || e.kind === kind).sort((a, b) => b.seq - a.seq);
  }

  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  /** Listeners registered: one per connected server (remote mode builds one per request). */
  get listening(): number {
    return this.listeners.length;
  }

  /** Calls `listener` for each item the cache did not hold; returns what stops it. */
  onAdded(listener: (item: CachedItem) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  private expired(entry: CachedItem): boolean {
    return this.now() - entry.fetchedAt >= this.ttlMs;
  }

  private sweep(): void {
    for (const [uri, entry] of this.entries) if (this.expired(entry)) this.entries.delete(uri);
  }
}

/** 1, 2, 3…: a sequence for one cache, or shared by several. */
export function counter(): () => number {
  let n = 0;
  return () => ++n;
}
