import { describe, expect, it } from "vitest";
import type { StatsQuery } from "../../src/batch/stats-endpoint.js";
import type { OrchestrationStats } from "../../src/batch/stats.js";
import { PLATFORMS_REFUSED } from "../../src/batch/client.js";
import { BatchApiError } from "../../src/batch/errors.js";
import { StatsCache } from "../../src/workspace/state/stats-cache.js";

const Q: StatsQuery = { orchestrationId: "o1", from: "2025-06-01", to: "2025-06-30" };

/** A loader that counts its calls and answers one overall and one per-platform entry when asked. */
function setup(options: { maxEntries?: number } = {}) {
  let time = 0;
  const calls: Array<{ query: StatsQuery; projectKey: string | undefined }> = [];
  const load = async (query: StatsQuery, _signal: AbortSignal | undefined, projectKey: string | undefined): Promise<OrchestrationStats> => {
    calls.push({ query, projectKey });
    const overall = { date: "2025-06-02", metrics: { sent: 10 }, versions: [], steps: [] };
    const ios = { ...overall, platform: "ios", metrics: { sent: 4 } };
    return { id: query.orchestrationId, entries: query.includePlatforms ? [overall, ios] : [overall], warnings: [] };
  };
  const cache = new StatsCache(load, { defaultProjectKey: "p1", now: () => time, ...options });
  return { cache, calls, advance: (ms: number) => (time += ms) };
}

describe("StatsCache", () => {
  it("answers the same project, id and range from memory for 10 minutes, then asks again", async () => {
    const { cache, calls, advance } = setup();
    await cache.get(Q);
    await cache.get(Q, undefined, "p1");
    expect(calls).toHaveLength(1);
    advance(10 * 60_000);
    await cache.get(Q);
    expect(calls).toHaveLength(2);
  });

  it("keeps projects and ranges apart", async () => {
    const { cache, calls } = setup();
    await cache.get(Q);
    await cache.get(Q, undefined, "p2");
    await cache.get({ ...Q, to: "2025-06-29" });
    expect(calls.map((c) => [c.projectKey, c.query.to])).toEqual([[undefined, "2025-06-30"], ["p2", "2025-06-30"], [undefined, "2025-06-29"]]);
  });

  it("answers a platform request only from a platform fetch, and strips platforms for the others", async () => {
    const { cache, calls } = setup();
    await cache.get(Q);
    const withPlatforms = await cache.get({ ...Q, includePlatforms: true });
    expect(calls).toHaveLength(2);
    expect(withPlatforms.entries.map((e) => e.platform)).toEqual([undefined, "ios"]);
    const plain = await cache.get(Q);
    expect(calls).toHaveLength(2);
    expect(plain.entries.map((e) => e.platform)).toEqual([undefined]);
  });

  it("shares one request between concurrent asks for the same entry", async () => {
    const { cache, calls } = setup();
    await Promise.all([cache.get(Q), cache.get(Q), cache.get(Q)]);
    expect(calls).toHaveLength(1);
  });

  it("gives Batch's refusal to every caller sharing the request, without asking again", async () => {
    let calls = 0;
    const refused = new BatchApiError({ kind: "http", api: "v2", operation: "get orchestration stats", status: 400, retryable: false });
    const cache = new StatsCache(
      async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        throw refused;
      },
      { defaultProjectKey: "p1" },
    );
    const results = await Promise.allSettled([cache.get(Q), cache.get(Q)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
  });

  it("asks again for a caller whose companion cancelled, and says 'cancelled' as the client would to one who gave up", async () => {
    let calls = 0;
    const cache = new StatsCache(
      async (query, signal) => {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        if (signal?.aborted) throw new BatchApiError({ kind: "aborted", api: "v2", operation: "get orchestration stats", retryable: false });
        return { id: query.orchestrationId, entries: [], warnings: [] };
      },
      { defaultProjectKey: "p1" },
    );
    const first = new AbortController();
    const gaveUp = cache.get(Q, first.signal);
    const stayed = cache.get(Q);
    first.abort();
    await expect(gaveUp).rejects.toMatchObject({ name: "BatchApiError", kind: "aborted" });
    await expect(stayed).resolves.toMatchObject({ id: "o1" });
    expect(calls).toBe(2);
  });

  it("does not pass a platform refusal on to a request that did not ask for platforms", async () => {
    const cache = new StatsCache(async (query) => ({ id: query.orchestrationId, entries: [], warnings: [PLATFORMS_REFUSED] }), { defaultProjectKey: "p1" });
    await cache.get({ ...Q, includePlatforms: true });
    expect((await cache.get(Q)).warnings).toEqual([]);
  });

  it("forgets the least recently used entry past its size bound", async () => {
    const { cache, calls } = setup({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) await cache.get({ ...Q, orchestrationId: id });
    expect(cache.peek({ ...Q, orchestrationId: "a" })).toBeUndefined();
    expect(cache.peek({ ...Q, orchestrationId: "c" })).toBeDefined();
    expect(calls).toHaveLength(3);
  });
});
