import { describe, expect, it } from "vitest";
import type { StatsQuery } from "../../src/batch/stats-endpoint.js";
import type { OrchestrationStats } from "../../src/batch/stats.js";
import { StatsCache } from "../../src/mcp/stats-cache.js";

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

  it("forgets the least recently used entry past its size bound", async () => {
    const { cache, calls } = setup({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) await cache.get({ ...Q, orchestrationId: id });
    expect(cache.peek({ ...Q, orchestrationId: "a" })).toBeUndefined();
    expect(cache.peek({ ...Q, orchestrationId: "c" })).toBeDefined();
    expect(calls).toHaveLength(3);
  });
});
