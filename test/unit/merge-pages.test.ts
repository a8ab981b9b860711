// Several apps' in-app campaigns merged newest first (src/workspace/apps/merge-pages.ts):
// each app keeps its own order, merged pages end where an app's Batch page ends, and a
// cursor taken anywhere resumes every app exactly, with no campaign skipped or repeated.

import { describe, expect, it } from "vitest";
import { collect, START, type Collected, type Position } from "../../src/batch/collect.js";
import type { Page } from "../../src/batch/pages.js";
import { decodeMergedPosition, encodeMergedPosition, mergePages, type MergeSource } from "../../src/workspace/apps/merge-pages.js";
import { CursorError } from "../../src/workspace/listing/cursor.js";

interface Item {
  id: string;
  /** Creation time; NaN for an undated campaign. */
  t: number;
}

const PAGE = 100;

/** An app whose list is `items` (newest first), served in Batch's pages of 100 from an offset. */
function app(items: Item[], log: number[] = []): MergeSource<Item> {
  return {
    async *pages(offset: number) {
      for (let at = offset; ; at += PAGE) {
        log.push(at);
        const slice = items.slice(at, at + PAGE);
        const page: Page<Item> = { items: slice, position: at === 0 ? undefined : String(at), next: slice.length === PAGE ? String(at + PAGE) : undefined, warnings: [] };
        yield page;
        if (page.next === undefined) return;
      }
    },
  };
}

/** `n` campaigns of app `name`, newest first, created every `step` from `from` backwards. */
function items(name: string, n: number, from: number, step: number): Item[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${name}${i}`, t: from - i * step }));
}

const time = (item: Item) => item.t;

async function all(sources: Array<MergeSource<Item>>, start?: string): Promise<Array<Page<Item>>> {
  const pages: Array<Page<Item>> = [];
  for await (const page of mergePages(sources, start, time)) pages.push(page);
  return pages;
}

describe("merged in-app pages", () => {
  it("takes the newest campaign of any app first, keeping each app's own order", async () => {
    const a = items("a", 3, 100, 10); // 100 90 80
    const b = items("b", 2, 95, 10); // 95 85
    const pages = await all([app(a), app(b)]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(["a0", "b0", "a1", "b1", "a2"]);
  });

  it("puts a campaign without a date where its app has it, without waiting for the others", async () => {
    const a = [{ id: "a0", t: 10 }, { id: "a1", t: Number.NaN }, { id: "a2", t: 5 }];
    const b = items("b", 2, 50, 1);
    const ids = (await all([app(a), app(b)])).flatMap((p) => p.items.map((i) => i.id));
    expect(ids).toEqual(["b0", "b1", "a0", "a1", "a2"]);
  });

  it("ends a merged page where an app's Batch page ends, so pages count Batch pages read", async () => {
    const pages = await all([app(items("a", 250, 1e6, 2)), app(items("b", 150, 1e6 - 1, 2))]);
    expect(pages.reduce((n, p) => n + p.items.length, 0)).toBe(400);
    // a: pages of 100, 100, 50; b: 100, 50 (the last page of each ends a merged page too).
    expect(pages).toHaveLength(5);
    expect(pages.at(-1)?.next).toBeUndefined();
    for (const [i, page] of pages.entries()) if (i > 0) expect(page.position).toBe(pages[i - 1]?.next);
  });

  it("asks every app's first page at once", async () => {
    let inFlight = 0;
    let most = 0;
    const slow = (list: Item[]): MergeSource<Item> => ({
      async *pages(offset) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        yield* app(list).pages(offset);
      },
    });
    await all([slow(items("a", 5, 100, 1)), slow(items("b", 5, 99, 1)), slow(items("c", 5, 98, 1))]);
    expect(most).toBe(3);
  });

  it.each([0, 3])("resumes from a cut anywhere without repeating or skipping a campaign (%i pages asked for ahead)", async (ahead) => {
    const sources = [app(items("a", 230, 1e6, 3)), app(items("b", 7, 1e6 - 200, 50)), app(items("c", 120, 1e6 - 1, 5)), app([])];
    const whole = (await all(sources)).flatMap((p) => p.items.map((i) => i.id));
    for (const cap of [1, 7, 99, 100, 101, 150, 356]) {
      const seen: string[] = [];
      let start: Position | undefined = START;
      for (let calls = 0; start && calls < 400; calls++) {
        const collected: Collected<Item> = await collect({ pages: (from) => mergePages(sources, from, time, ahead), start, cap, matches: () => true, key: (i) => i.id, maxPages: 100 });
        seen.push(...collected.items.map((i) => i.id));
        start = collected.resume;
      }
      expect(seen, `cap ${cap}`).toEqual(whole);
    }
  });

  it.each([
    [0, [0]],
    [2, [0, 100, 200]],
  ])("asks for %i of an app's next pages as its pages arrive, before the merge has read them", async (ahead, asked) => {
    const log: number[] = [];
    const pages = mergePages([app(items("a", 500, 1e6, 1), log), app(items("b", 500, 1e6 - 0.5, 1))], undefined, time, ahead)[Symbol.asyncIterator]();
    const first = await pages.next();
    // The first merged page ends with a's first Batch page; its next pages are on their way already.
    expect(first.value?.items).toHaveLength(199);
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(asked);
    await pages.return?.(undefined);
  });

  it("asks no more of an app whose campaigns were all taken", async () => {
    const log: number[] = [];
    const first = await collect({ pages: (from) => mergePages([app(items("a", 3, 100, 1), log), app(items("b", 300, 50, 0.1))], from, time), start: START, cap: 5, matches: () => true, key: (i) => i.id, maxPages: 10 });
    expect(first.resume?.page?.split(",")[0]).toBe("-");
    log.length = 0;
    await collect({ pages: (from) => mergePages([app(items("a", 3, 100, 1), log), app(items("b", 300, 50, 0.1))], from, time), start: first.resume ?? START, cap: 5, matches: () => true, key: (i) => i.id, maxPages: 10 });
    expect(log).toEqual([]);
  });

  it("writes positions app by app and refuses a damaged one", () => {
    expect(encodeMergedPosition([{ page: 0, skip: 0 }, { page: 0, skip: 0 }])).toBeUndefined();
    expect(encodeMergedPosition([{ page: 100, skip: 37 }, "done", { page: 0, skip: 2 }])).toBe("100.37,-,0.2");
    expect(decodeMergedPosition("100.37,-,0.2", 3)).toEqual([{ page: 100, skip: 37 }, "done", { page: 0, skip: 2 }]);
    for (const bad of ["100.37,-", "1.2,x,3.4", "100", "-1.0,0.0,0.0"]) expect(() => decodeMergedPosition(bad, 3), bad).toThrow(CursorError);
  });
});
