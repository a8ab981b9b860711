import { describe, expect, it } from "vitest";
import { collect, START, type Position } from "../../src/batch/collect.js";
import { BatchApiError } from "../../src/batch/errors.js";
import { pages, type Page } from "../../src/batch/pages.js";

interface Item {
  id: string;
  n: number;
}

/** A cursor-paged source over 0..size-1 with positions "p<index>". */
function source(size: number, pageSize: number, faults: { failAt?: string; repeatAt?: string } = {}) {
  const fetched: Array<string | undefined> = [];
  const fetchPage = async (position: string | undefined): Promise<Page<Item>> => {
    fetched.push(position);
    if (position !== undefined && position === faults.failAt) {
      throw new BatchApiError({ kind: "http", api: "v2", operation: "list", status: 500, retryable: true });
    }
    const from = position === undefined ? 0 : Number(position.slice(1));
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, size - from)) }, (_, i) => ({ id: `i${from + i}`, n: from + i }));
    const nextIndex = from + pageSize;
    let next = nextIndex < size ? `p${nextIndex}` : undefined;
    if (position !== undefined && position === faults.repeatAt) next = position;
    return { items, position, next, warnings: [] };
  };
  return { fetched, iterate: (start: string | undefined) => pages(fetchPage, start) };
}

async function drain(size: number, pageSize: number, cap: number, matches: (i: Item) => boolean) {
  const { iterate } = source(size, pageSize);
  const seen: number[] = [];
  let start: Position = START;
  for (let calls = 0; calls < 1000; calls++) {
    const result = await collect({ pages: iterate, start, cap, matches, key: (i) => i.id, maxPages: 1000 });
    seen.push(...result.items.map((i) => i.n));
    if (!result.resume) return seen;
    start = result.resume;
  }
  throw new Error("did not finish");
}

describe("collector", () => {
  it("stops at the cap and reports where to resume mid-page", async () => {
    const { iterate } = source(250, 100);
    const result = await collect({ pages: iterate, start: START, cap: 130, matches: () => true, key: (i) => i.id, maxPages: 10 });
    expect(result.items).toHaveLength(130);
    expect(result.pages).toBe(2);
    expect(result.hasMore).toBe(true);
    expect(result.resume).toEqual({ page: "p100", skip: 30 });
  });

  it("resumes from the cursor without repeating or skipping an item", async () => {
    for (const [size, pageSize, cap] of [[2345, 100, 1000], [250, 100, 130], [100, 100, 100], [7, 3, 2], [0, 10, 5]] as const) {
      expect(await drain(size, pageSize, cap, () => true)).toEqual(Array.from({ length: size }, (_, i) => i));
    }
  });

  it("resumes exactly when a client-side filter stops it mid-page", async () => {
    const even = (i: Item) => i.n % 2 === 0;
    const expected = Array.from({ length: 500 }, (_, i) => i).filter((n) => n % 2 === 0);
    expect(await drain(500, 100, 33, even)).toEqual(expected);
  });

  it("says there is no more when the cap is reached on the last matching item", async () => {
    const { iterate } = source(150, 100);
    const result = await collect({ pages: iterate, start: START, cap: 50, matches: (i) => i.n >= 100, key: (i) => i.id, maxPages: 10 });
    expect(result.items).toHaveLength(50);
    expect(result.hasMore).toBe(false);
    expect(result.resume).toBeUndefined();
  });

  it("stops with a warning when the API repeats a cursor", async () => {
    const { iterate, fetched } = source(1000, 100, { repeatAt: "p200" });
    const result = await collect({ pages: iterate, start: START, cap: 1000, matches: () => true, key: (i) => i.id, maxPages: 50 });
    expect(fetched).toEqual([undefined, "p100", "p200"]);
    expect(result.items).toHaveLength(300);
    expect(result.hasMore).toBe(false);
    expect(result.warnings.join()).toMatch(/already sent/);
  });

  it("stops after the page bound and hands back a cursor", async () => {
    const { iterate } = source(1000, 10);
    const result = await collect({ pages: iterate, start: START, cap: 1000, matches: () => true, key: (i) => i.id, maxPages: 5 });
    expect(result.items).toHaveLength(50);
    expect(result.resume).toEqual({ page: "p50", skip: 0 });
    expect(result.warnings.join()).toMatch(/page limit/);
  });

  it("drops an item the API sends twice", async () => {
    const fetchPage = async (position: string | undefined): Promise<Page<Item>> =>
      position === undefined
        ? { items: [{ id: "a", n: 1 }, { id: "b", n: 2 }], position, next: "x", warnings: [] }
        : { items: [{ id: "b", n: 2 }, { id: "c", n: 3 }], position, next: undefined, warnings: [] };
    const result = await collect({ pages: (s) => pages(fetchPage, s), start: START, cap: 10, matches: () => true, key: (i) => i.id, maxPages: 5 });
    expect(result.items.map((i) => i.id)).toEqual(["a", "b", "c"]);
  });

  it("returns what it collected and a cursor to the failed page when a later page fails", async () => {
    const { iterate } = source(500, 100, { failAt: "p200" });
    const result = await collect({ pages: iterate, start: START, cap: 1000, matches: () => true, key: (i) => i.id, maxPages: 50 });
    expect(result.items).toHaveLength(200);
    expect(result.failure?.status).toBe(500);
    expect(result.resume).toEqual({ page: "p200", skip: 0 });
  });

  it("throws when the first page fails: there is nothing to show", async () => {
    const { iterate } = source(500, 100, { failAt: "p100" });
    await expect(
      collect({ pages: iterate, start: { page: "p100", skip: 0 }, cap: 10, matches: () => true, key: (i) => i.id, maxPages: 5 }),
    ).rejects.toBeInstanceOf(BatchApiError);
  });
});
