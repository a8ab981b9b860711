// Deterministic pseudo-random numbers for the sample data: the same seed string always
// gives the same values, so fixtures and the demo are stable across runs (no Math.random).

import { createHash } from "node:crypto";

/** The kth (0..15) unsigned 32-bit number derived from `seed`. */
export function seededUint(seed: string, k: number): number {
  return createHash("sha512").update(seed).digest().readUInt32BE((k % 16) * 4);
}

/** A number in [0, n) derived from `seed` and slot `k`. */
export function seededBelow(seed: string, k: number, n: number): number {
  return n <= 0 ? 0 : seededUint(seed, k) % n;
}

/** `length` characters from `alphabet`, derived from `seed`. */
export function seededString(seed: string, length: number, alphabet: string): string {
  const bytes = createHash("sha512").update(seed).digest();
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i % bytes.length] ?? 0) % alphabet.length];
  return out;
}

/** ISO date-time without milliseconds, as Batch's v2 API prints it ("2025-06-30T14:38:19Z"). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
