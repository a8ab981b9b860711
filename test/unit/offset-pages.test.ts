import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { offsetPages } from "../../src/batch/offset-pages.js";
import type { Page } from "../../src/batch/pages.js";

const SIZE = 10;

/** A data set of `total` numbers served in pages of SIZE, each page taking `delay(offset)` ms. */
function source(total: number, delay: (offset: number) => number = () => 5) {
  const log = { started: [] as number[], aborted: [] as number[], inFlight: 0, maxInFlight: 0 };
  const fetchAt = async (offset: number, signal: AbortSignal): Promise<Page<number>> => {
    log.started.push(offset);
    log.inFlight++;
    log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
    try {
      await sleep(delay(offset), undefined, { signal });
    } catch (e) {
      log.aborted.push(offset);
      throw e;
    } finally {
      log.inFlight--;
    }
    const items = Array.from({ length: Math.max(0, Math.min(SIZE, total - offset)) }, (_, i) => offset + i);
    return { items, position: offset ? String(offset) : undefined, next: items.length === SIZE ? String(offset + SIZE) : undefined, warnings: [] };
  };
  return { fetchAt, log };
}

async function drain<T>(pages: AsyncIterable<Page<T>>, limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  let n = 0;
  for await (const page of pages) {
    out.push(...page.items);
    if (++n >= limit) break;
  }
  return out;
}

describe("offsetPages", () => {
  it("yields pages in API order even when later pages answer first", async () => {
    const { fetchAt, log } = source(75, (offset) => 40 - offset / 2);
    const items = await drain(offsetPages({ fetchAt, start: 0, pageSize: SIZE, concurrency: 4, pagesWanted: 100 }));
    expect(items).toEqual(Array.from({ length: 75 }, (_, i) => i));
    expect(log.maxInFlight).toBe(4);
  });

  it("stops at the first short page and cancels what was fetched beyond it", async () => {
    const { fetchAt, log } = source(25, (offset) => (offset === 20 ? 1 : 30));
    const items = await drain(offsetPages({ fetchAt, start: 0, pageSize: SIZE, concurrency: 4, pagesWanted: 100 }));
    expect(items).toHaveLength(25);
    expect(Math.max(...log.started)).toBeLessThan(20 + 4 * SIZE);
    await sleep(5);
    expect(log.aborted.length).toBeGreaterThan(0);
    expect(log.aborted.every((offset) => offset > 20)).toBe(true);
    expect(log.inFlight).toBe(0);
  });

  it("never runs ahead of the pages wanted, then goes one page at a time", async () => {
    const { fetchAt, log } = source(1000);
    await drain(offsetPages({ fetchAt, start: 0, pageSize: SIZE, concurrency: 4, pagesWanted: 2 }), 2);
    expect(log.started).toEqual([0, 10]);
    const more = source(1000);
    await drain(offsetPages({ fetchAt: more.fetchAt, start: 0, pageSize: SIZE, concurrency: 4, pagesWanted: 2 }), 4);
    expect(more.log.started).toEqual([0, 10, 20, 30]);
    expect(more.log.maxInFlight).toBe(2);
  });

  it("starts at a resume offset", async () => {
    const { fetchAt } = source(35);
    expect(await drain(offsetPages({ fetchAt, start: 20, pageSize: SIZE, concurrency: 3, pagesWanted: 5 }))).toEqual(
      Array.from({ length: 15 }, (_, i) => 20 + i),
    );
  });

  it("aborts speculative requests when the consumer stops early", async () => {
    const { fetchAt, log } = source(1000, (offset) => (offset === 0 ? 1 : 50));
    await drain(offsetPages({ fetchAt, start: 0, pageSize: SIZE, concurrency: 4, pagesWanted: 10 }), 1);
    await sleep(10);
    expect(log.aborted.sort((a, b) => a - b)).toEqual([10, 20, 30]);
  });

  it("yields the pages before a failed one, then throws that page's error", async () => {
    const { fetchAt: ok } = source(1000);
    const fetchAt = (offset: number, signal: AbortSignal) => (offset === 20 ? Promise.reject(new Error("page 20 failed")) : ok(offset, signal));
    const seen: number[] = [];
    const run = async () => {
      for await (const page of offsetPages({ fetchAt, start: 0, pageSize: SIZE, concurrency: 4, pagesWanted: 10 })) seen.push(...page.items);
    };
    await expect(run()).rejects.toThrow("page 20 failed");
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("stops when the caller's signal aborts", async () => {
    const controller = new AbortController();
    const { fetchAt, log } = source(1000, () => 30);
    const run = drain(offsetPages({ fetchAt, start: 0, pageSize: SIZE, concurrency: 2, pagesWanted: 100, signal: controller.signal }));
    setTimeout(() => controller.abort(), 5);
    await expect(run).rejects.toThrow();
    expect(log.aborted.length).toBeGreaterThan(0);
  });
});
