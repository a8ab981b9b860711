// Paging properties at the collector level, over a synthetic page source: for any data
// set size, page size, cap, per-call page bound and client-side filter, following the
// resume positions to the end yields every matching item exactly once, in API order.
// The end-to-end counterpart (test/e2e/paging.property.test.ts) runs fewer cases per tool.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collect, START, type Position } from "../../src/batch/collect.js";
import type { Page } from "../../src/batch/pages.js";

interface Item {
  id: string;
  n: number;
}

/** How the source encodes positions: an opaque cursor (v2) or a page offset (in-app). */
type PositionStyle = "cursor" | "offset";

function fetcher(size: number, pageSize: number, style: PositionStyle) {
  const encode = (index: number) => (style === "cursor" ? `c${index.toString(36)}` : String(index / pageSize + 1));
  const decode = (position: string | undefined) =>
    position === undefined ? 0 : style === "cursor" ? parseInt(position.slice(1), 36) : (Number(position) - 1) * pageSize;
  let requests = 0;
  const fetchPage = async (position: string | undefined): Promise<Page<Item>> => {
    requests++;
    const from = decode(position);
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, size - from)) }, (_, i) => ({ id: `i${from + i}`, n: from + i }));
    const next = from + pageSize < size ? encode(from + pageSize) : undefined;
    return { items, position, next, warnings: [] };
  };
  async function* iterate(start: string | undefined): AsyncGenerator<Page<Item>> {
    let position = start;
    do {
      const page = await fetchPage(position);
      yield page;
      position = page.next;
    } while (position !== undefined);
  }
  return { iterate, requests: () => requests };
}

const scenario = fc.record({
  size: fc.integer({ min: 0, max: 600 }),
  pageSize: fc.integer({ min: 1, max: 120 }),
  cap: fc.integer({ min: 1, max: 250 }),
  maxPages: fc.integer({ min: 1, max: 60 }),
  style: fc.constantFrom<PositionStyle>("cursor", "offset"),
  // A client-side filter: keep n when (n * a + b) mod m < k. Covers "all", "none", sparse
  // and dense selections, and runs of matches split across page boundaries.
  filter: fc.record({ a: fc.integer({ min: 1, max: 97 }), b: fc.integer({ min: 0, max: 96 }), m: fc.integer({ min: 1, max: 13 }), k: fc.integer({ min: 0, max: 13 }) }),
});

describe("paging through resume positions (property)", () => {
  it("returns every matching item exactly once, in order, and stops", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ size, pageSize, cap, maxPages, style, filter }) => {
        const matches = (i: Item) => (i.n * filter.a + filter.b) % filter.m < filter.k;
        const expected = Array.from({ length: size }, (_, n) => n).filter((n) => matches({ id: `i${n}`, n }));
        const source = fetcher(size, pageSize, style);
        const seen: number[] = [];
        let start: Position = START;
        // Each call makes progress (an item or a page), so this bounds a correct run.
        const maxCalls = size + Math.ceil(size / pageSize) + 2;
        for (let calls = 1; ; calls++) {
          const result = await collect({ pages: source.iterate, start, cap, matches, key: (i) => i.id, maxPages });
          expect(result.items.length).toBeLessThanOrEqual(cap);
          expect(result.pages).toBeLessThanOrEqual(maxPages);
          expect(result.failure).toBeUndefined();
          seen.push(...result.items.map((i) => i.n));
          if (!result.resume) break;
          expect(result.hasMore).toBe(true);
          start = result.resume;
          if (calls > maxCalls) throw new Error(`no end after ${calls} calls`);
        }
        expect(seen).toEqual(expected);
        // Resuming re-reads at most the page a call stopped in: no wholesale re-fetching.
        const pagesInData = Math.max(1, Math.ceil(size / pageSize));
        expect(source.requests()).toBeLessThanOrEqual(pagesInData + Math.ceil(expected.length / cap));
      }),
      { numRuns: 300 },
    );
  });
});
