import { describe, expect, it } from "vitest";
import { ItemCache, type NewItem } from "../../src/workspace/state/item-cache.js";
import { listCached } from "../../src/mcp/resources/list.js";

function item(key: string, kind = "orchestration"): NewItem {
  return { uri: `batch://x/${key}`, kind, key, name: `Name ${key}`, raw: { id: key } };
}

function clock(start = 0) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe("ItemCache", () => {
  it("returns what was put, newest first", () => {
    const cache = new ItemCache();
    for (const k of ["a", "b", "c"]) cache.put(item(k));
    expect(cache.get("batch://x/b")?.raw).toEqual({ id: "b" });
    expect(cache.newestFirst().map((e) => e.key)).toEqual(["c", "b", "a"]);
  });

  it("evicts the least recently used entry past its size bound", () => {
    const cache = new ItemCache({ maxEntries: 2 });
    cache.put(item("a"));
    cache.put(item("b"));
    cache.get("batch://x/a");
    cache.put(item("c"));
    expect(cache.get("batch://x/b")).toBeUndefined();
    expect(cache.newestFirst().map((e) => e.key)).toEqual(["c", "a"]);
  });

  it("forgets entries older than the TTL", () => {
    const c = clock();
    const cache = new ItemCache({ ttlMs: 1000, now: c.now });
    cache.put(item("a"));
    c.t = 999;
    expect(cache.get("batch://x/a")).toBeDefined();
    c.t = 1000;
    expect(cache.get("batch://x/a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("tells listeners about new URIs only, and a refetch moves an item to the front", () => {
    const cache = new ItemCache();
    const added: string[] = [];
    cache.onAdded((e) => added.push(e.key));
    cache.put(item("a"));
    cache.put(item("b"));
    cache.put(item("a"));
    expect(added).toEqual(["a", "b"]);
    expect(cache.newestFirst().map((e) => e.key)).toEqual(["a", "b"]);
  });

  it("filters by kind", () => {
    const cache = new ItemCache();
    cache.put(item("a", "orchestration"));
    cache.put(item("t", "inapp"));
    expect(cache.newestFirst("inapp").map((e) => e.key)).toEqual(["t"]);
  });
});

describe("listCached", () => {
  it("pages with a cursor that items cached in between do not shift", () => {
    const cache = new ItemCache();
    for (const k of ["a", "b", "c", "d", "e"]) cache.put(item(k));
    const first = listCached(cache, {}, undefined, 2);
    expect(first.resources.map((r) => r.name)).toEqual(['"Name e"', '"Name d"']);
    cache.put(item("f"));
    const second = listCached(cache, {}, first.nextCursor, 2);
    expect(second.resources.map((r) => r.name)).toEqual(['"Name c"', '"Name b"']);
    const third = listCached(cache, {}, second.nextCursor, 2);
    expect(third.resources.map((r) => r.name)).toEqual(['"Name a"']);
    expect(third.nextCursor).toBeUndefined();
  });
});
