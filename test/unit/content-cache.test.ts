import { describe, expect, it } from "vitest";
import type { CampaignContent } from "../../src/batch/content.js";
import { BatchApiError } from "../../src/batch/errors.js";
import { silentLogger } from "../../src/log.js";
import { ContentCache, type ContentKey } from "../../src/workspace/state/content-cache.js";
import { ContentPrefetch } from "../../src/workspace/state/content-prefetch.js";

const KEY: ContentKey = { kind: "orchestration", id: "o1", scope: "p1" };

function content(id: string): CampaignContent {
  return { kind: "orchestration", id, live: true, messages: [{ language: "en", title: "Hi", buttons: [] }], warnings: [], raw: { id } };
}

function setup() {
  let time = 0;
  let calls = 0;
  const cache = new ContentCache({ now: () => time, maxEntries: 2 });
  const load = async () => {
    calls++;
    return content("o1");
  };
  return { cache, load, calls: () => calls, advance: (ms: number) => (time += ms) };
}

describe("ContentCache", () => {
  it("answers the same kind, project and id from memory for 10 minutes, then asks again", async () => {
    const { cache, load, calls, advance } = setup();
    expect((await cache.get(KEY, load)).source).toBe("batch");
    expect((await cache.get(KEY, load)).source).toBe("cache");
    expect(calls()).toBe(1);
    advance(10 * 60_000);
    expect(cache.peek(KEY)).toBeUndefined();
    await cache.get(KEY, load);
    expect(calls()).toBe(2);
  });

  it("keeps projects and kinds apart, and forgets the least recently used past its size", async () => {
    const { cache, load, calls } = setup();
    await cache.get(KEY, load);
    await cache.get({ ...KEY, scope: "p2" }, load);
    await cache.get({ ...KEY, kind: "inapp_campaign" }, load);
    expect(calls()).toBe(3);
    expect(cache.peek(KEY)).toBeUndefined();
    expect(cache.peek({ ...KEY, scope: "p2" })).toBeDefined();
  });

  it("shares one request between concurrent asks, and asks again when the other asker cancelled", async () => {
    const cache = new ContentCache();
    let calls = 0;
    const slow = (signal: AbortSignal | undefined) =>
      new Promise<CampaignContent>((resolve, reject) => {
        calls++;
        const timer = setTimeout(() => resolve(content("o1")), 20);
        signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(new BatchApiError({ kind: "aborted", api: "v2", operation: "get push campaign content", retryable: false }));
        });
      });
    const [a, b] = await Promise.all([cache.get(KEY, slow), cache.get(KEY, slow)]);
    expect([a.content, calls]).toEqual([b.content, 1]);

    const other = new AbortController();
    const fresh = { ...KEY, id: "o2" };
    const first = cache.get(fresh, slow, other.signal).catch((e: unknown) => e);
    const second = cache.get(fresh, slow);
    other.abort();
    expect(await first).toBeInstanceOf(BatchApiError);
    expect((await second).content.id).toBe("o1");
    expect(calls).toBe(3);
  });
});

describe("ContentPrefetch", () => {
  it("fetches what is queued into the cache, once, one at a time, skipping what is cached", async () => {
    const cache = new ContentCache();
    const asked: string[] = [];
    let inFlight = 0;
    let most = 0;
    const job = (id: string) => ({
      key: { ...KEY, id },
      load: async () => {
        asked.push(id);
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return content(id);
      },
    });
    await cache.get(KEY, job("o1").load);
    const prefetch = new ContentPrefetch(cache, silentLogger);
    prefetch.enqueue([job("o1"), job("o2"), job("o3"), job("o2")]);
    for (let i = 0; i < 50 && !cache.peek({ ...KEY, id: "o3" }); i++) await new Promise((r) => setTimeout(r, 5));
    expect(asked).toEqual(["o1", "o2", "o3"]);
    expect(most).toBe(1);
    prefetch.close();
  });
});
