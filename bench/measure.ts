// Small measuring helpers shared by the benchmarks.

/**
 * Median wall time in milliseconds of each contender over `runs` rounds, after one
 * warm-up call each. Rounds interleave the contenders so that a noisy moment on a shared
 * machine hits all of them rather than skewing one: the ratios are what we report.
 */
export async function medians<K extends string>(runs: number, contenders: Record<K, () => Promise<unknown>>): Promise<Record<K, number>> {
  const entries = Object.entries(contenders) as Array<[K, () => Promise<unknown>]>;
  const times = new Map<K, number[]>(entries.map(([k]) => [k, []]));
  for (const [, fn] of entries) await fn();
  for (let round = 0; round < runs; round++) {
    for (const [k, fn] of entries) {
      const started = performance.now();
      await fn();
      times.get(k)?.push(performance.now() - started);
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;
  return Object.fromEntries(entries.map(([k]) => [k, median(times.get(k) ?? [])])) as Record<K, number>;
}

export const ms = (value: number) => `${Math.round(value)} ms`;
export const ratio = (value: number) => `${value.toFixed(2)}x`;
