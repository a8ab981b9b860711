// Orchestration stats bodies in the documented shape (seeds/orchestrations-stats-notes.md).
// Figures are built bottom-up from (platform x version x step) "atoms" and summed, so every
// total equals the sum of its parts and the usual inequalities hold (delivered <= sent,
// unique <= total, clicks <= opens...).

import { DAY_MS, seededBelow } from "./sample-hash.js";
import type { Json } from "./types.js";

export const STAT_METRICS = [
  "sent", "delivered", "unique_open", "total_open", "unique_machine_open",
  "unique_click", "total_click", "spam", "unsubscribe", "total_bounce", "skipped",
] as const;

type Metrics = Record<string, number>;

export interface MakeStatsOptions {
  /** Number of daily entries (default 7). */
  days?: number;
  /** First day, yyyy-MM-dd (default 2025-06-01). */
  start?: string;
  /** Add A/B `versions` ("a", "b") to each entry. */
  versions?: boolean;
  /** Add per-platform entries carrying `platform` (ios, android, web). */
  platforms?: boolean;
  /** Add `steps` (step_id, step_name and figures) to each entry, like a trigger automation's message steps. */
  steps?: number;
  /** Undocumented numeric fields to add to every figure set, e.g. ["unique_conversion"]. */
  extraMetrics?: readonly string[];
}

function atom(seed: string, extraMetrics: readonly string[]): Metrics {
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
    ...Object.fromEntries(extraMetrics.map((name, k) => [name, r(10 + (k % 6), unique_click + 1)])),
  };
}

function sum(parts: readonly Metrics[]): Metrics {
  const total: Metrics = {};
  for (const part of parts) for (const [m, n] of Object.entries(part)) total[m] = (total[m] ?? 0) + n;
  return total;
}

const PLATFORMS = ["ios", "android", "web"] as const;
const VERSIONS = ["a", "b"] as const;

/** Figures for one platform, one version and one step on one day: the smallest part. */
interface Atom {
  platform: string;
  version: string;
  step: number;
  metrics: Metrics;
}

const ALL = ["all"] as const;

export function makeStats(id: string, opts: MakeStatsOptions = {}): Json {
  const { days = 7, start = "2025-06-01", versions = false, platforms = false, steps = 0, extraMetrics = [] } = opts;
  const platformKeys: readonly string[] = platforms ? PLATFORMS : ALL;
  const versionKeys: readonly string[] = versions ? VERSIONS : ALL;
  const stepKeys = steps > 0 ? Array.from({ length: steps }, (_, k) => k + 1) : [0];
  const startMs = Date.parse(`${start}T00:00:00Z`);
  const details: Json[] = [];

  for (let d = 0; d < days; d++) {
    const date = new Date(startMs + d * DAY_MS).toISOString().slice(0, 10);
    const atoms: Atom[] = platformKeys.flatMap((platform) =>
      versionKeys.flatMap((version) =>
        stepKeys.map((step) => ({ platform, version, step, metrics: atom(`${id}:${date}:${platform}:${version}${step ? `:${step}` : ""}`, extraMetrics) })),
      ),
    );
    const entry = (parts: Atom[], extra: Json): Json => ({
      date,
      ...extra,
      ...sum(parts.map((a) => a.metrics)),
      ...(versions && { versions: VERSIONS.map((version) => ({ version, ...sum(parts.filter((a) => a.version === version).map((a) => a.metrics)) })) }),
      ...(steps > 0 && {
        steps: stepKeys.map((step) => ({ step_id: `step_${step}`, step_name: `Message ${step}`, ...sum(parts.filter((a) => a.step === step).map((a) => a.metrics)) })),
      }),
    });
    details.push(entry(atoms, {}));
    if (platforms) for (const platform of PLATFORMS) details.push(entry(atoms.filter((a) => a.platform === platform), { platform }));
  }
  return { id, details };
}

/** Totals to plant for one orchestration: any Batch metric, plus A/B versions' own totals. */
export interface PlantedTotals {
  [metric: string]: number | undefined;
}

/**
 * A stats body whose range totals are exactly `totals`, spread evenly over `days` daily
 * entries from `start` (the remainder on the last day), so a test or the demo can plant
 * "this one bounces at 9.8%" and read it back through any range that covers them all.
 * `versions` become each day's A/B versions, spread the same way.
 */
export function plantedStats(id: string, totals: PlantedTotals, opts: { days?: number; start?: string; versions?: Record<string, PlantedTotals> } = {}): Json {
  const { days = 7, start = "2025-06-01", versions } = opts;
  const startMs = Date.parse(`${start}T00:00:00Z`);
  const share = (figures: PlantedTotals, d: number): Metrics =>
    Object.fromEntries(
      Object.entries(figures).flatMap(([k, v]) => (v === undefined ? [] : [[k, Math.floor(v / days) + (d === days - 1 ? v % days : 0)]])),
    );
  const details = Array.from({ length: days }, (_, d) => ({
    date: new Date(startMs + d * DAY_MS).toISOString().slice(0, 10),
    ...share(totals, d),
    ...(versions && { versions: Object.entries(versions).map(([version, figures]) => ({ version, ...share(figures, d) })) }),
  }));
  return { id, details };
}
