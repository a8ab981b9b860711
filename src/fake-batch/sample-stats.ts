// Orchestration stats bodies in the documented shape (seeds/orchestrations-stats-notes.md).
// Figures are built bottom-up from (platform x version) "atoms" and summed, so every
// total equals the sum of its parts and the usual inequalities hold (delivered <= sent,
// unique <= total, clicks <= opens...).

import { DAY_MS, seededBelow } from "./sample-hash.js";
import type { Json } from "./types.js";

export const STAT_METRICS = [
  "sent", "delivered", "unique_open", "total_open", "unique_machine_open",
  "unique_click", "total_click", "spam", "unsubscribe", "total_bounce", "skipped",
] as const;

type Metrics = Record<(typeof STAT_METRICS)[number], number>;

export interface MakeStatsOptions {
  /** Number of daily entries (default 7). */
  days?: number;
  /** First day, yyyy-MM-dd (default 2025-06-01). */
  start?: string;
  /** Add A/B `versions` ("a", "b") to each entry. */
  versions?: boolean;
  /** Add per-platform entries carrying `platform` (ios, android, web). */
  platforms?: boolean;
}

function atom(seed: string): Metrics {
  const r = (k: number, n: number) => seededBelow(seed, k, n);
  const sent = 100 + r(0, 900);
  const total_bounce = r(1, Math.floor(sent / 20) + 1);
  const delivered = sent - total_bounce;
  const unique_open = r(2, Math.floor(delivered * 0.4) + 1);
  const unique_click = r(5, Math.floor(unique_open / 4) + 1);
  return {
    sent,
    delivered,
    unique_open,
    total_open: unique_open + r(3, Math.floor(unique_open / 3) + 1),
    unique_machine_open: r(4, unique_open + 1),
    unique_click,
    total_click: unique_click + r(6, Math.floor(unique_click / 5) + 1),
    spam: r(7, Math.floor(delivered / 200) + 1),
    unsubscribe: r(8, Math.floor(delivered / 80) + 1),
    total_bounce,
    skipped: r(9, 30),
  };
}

function sum(parts: Metrics[]): Metrics {
  const total = Object.fromEntries(STAT_METRICS.map((m) => [m, 0])) as Metrics;
  for (const part of parts) for (const m of STAT_METRICS) total[m] += part[m];
  return total;
}

const PLATFORMS = ["ios", "android", "web"] as const;
const VERSIONS = ["a", "b"] as const;

export function makeStats(id: string, opts: MakeStatsOptions = {}): Json {
  const { days = 7, start = "2025-06-01", versions = false, platforms = false } = opts;
  const platformKeys: readonly string[] = platforms ? PLATFORMS : ["all"];
  const versionKeys: readonly string[] = versions ? VERSIONS : ["all"];
  const startMs = Date.parse(`${start}T00:00:00Z`);
  const details: Json[] = [];

  for (let d = 0; d < days; d++) {
    const date = new Date(startMs + d * DAY_MS).toISOString().slice(0, 10);
    // atoms[p][v]: figures for one platform and one version on this day.
    const atoms = platformKeys.map((p) => versionKeys.map((v) => atom(`${id}:${date}:${p}:${v}`)));
    const entry = (parts: Metrics[][], extra: Json): Json => ({
      date,
      ...extra,
      ...sum(parts.flat()),
      ...(versions && { versions: VERSIONS.map((v, k) => ({ version: v, ...sum(parts.map((row) => row[k] as Metrics)) })) }),
    });
    details.push(entry(atoms, {}));
    if (platforms) atoms.forEach((row, k) => details.push(entry([row], { platform: PLATFORMS[k] })));
  }
  return { id, details };
}
