// Client-side pacing for Batch's 2.x APIs, reported to allow about 1 request/s per
// project key. Each key gets evenly spaced slots; a 429 widens the spacing, and
// successes narrow it back, so a long listing is slow rather than hammered into errors.

import { setTimeout as sleep } from "node:timers/promises";

interface Lane {
  nextSlotAt: number;
  intervalMs: number;
}

const MAX_INTERVAL_MS = 10_000;
const RECOVERY_FACTOR = 0.8;

export class RequestPacer {
  private readonly lanes = new Map<string, Lane>();
  private readonly baseIntervalMs: number;

  /** @param requestsPerSecond 0 turns pacing off. */
  constructor(
    requestsPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.baseIntervalMs = requestsPerSecond > 0 ? 1000 / requestsPerSecond : 0;
  }

  get enabled(): boolean {
    return this.baseIntervalMs > 0;
  }

  /** Resolves when a request for `key` may be sent; rejects if `signal` aborts first. */
  async acquire(key: string, signal?: AbortSignal): Promise<void> {
    if (!this.enabled) return;
    const lane = this.lane(key);
    const now = this.now();
    const slot = Math.max(now, lane.nextSlotAt);
    lane.nextSlotAt = slot + lane.intervalMs;
    if (slot > now) await sleep(slot - now, undefined, { signal });
  }

  /** Batch said 429: double the spacing for this key. */
  slowDown(key: string): void {
    if (!this.enabled) return;
    const lane = this.lane(key);
    lane.intervalMs = Math.min(MAX_INTERVAL_MS, lane.intervalMs * 2);
    lane.nextSlotAt = Math.max(lane.nextSlotAt, this.now() + lane.intervalMs);
  }

  /** A request went through: drift back toward the configured rate. */
  recover(key: string): void {
    const lane = this.lanes.get(key);
    if (lane) lane.intervalMs = Math.max(this.baseIntervalMs, lane.intervalMs * RECOVERY_FACTOR);
  }

  intervalFor(key: string): number {
    return this.lanes.get(key)?.intervalMs ?? this.baseIntervalMs;
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { nextSlotAt: 0, intervalMs: this.baseIntervalMs };
      this.lanes.set(key, lane);
    }
    return lane;
  }
}
