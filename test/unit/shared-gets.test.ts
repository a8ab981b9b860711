import { describe, expect, it } from "vitest";
import { requestKey, SharedGets } from "../../src/batch/shared-gets.js";

/** A fetch the test settles by hand, recording the signal it was given. */
function manualFetch() {
  const calls: { signal: AbortSignal; resolve: (v: unknown) => void }[] = [];
  const fetch = (signal: AbortSignal) => new Promise<unknown>((resolve, reject) => {
    calls.push({ signal, resolve });
    signal.addEventListener("abort", () => reject(new Error("aborted upstream")));
  });
  return { calls, fetch };
}

const cancelled = () => new Error("cancelled");

describe("SharedGets", () => {
  it("sends identical requests in flight once and gives each waiter the answer", async () => {
    const shared = new SharedGets(0);
    const { calls, fetch } = manualFetch();
    const waiters = [1, 2, 3].map(() => shared.get("k", false, undefined, fetch, cancelled));
    calls[0]?.resolve({ page: 1 });
    expect(await Promise.all(waiters)).toEqual([{ page: 1 }, { page: 1 }, { page: 1 }]);
    expect(calls).toHaveLength(1);
  });

  it("keeps an aborted waiter from cancelling the request the others still wait for", async () => {
    const shared = new SharedGets(0);
    const { calls, fetch } = manualFetch();
    const leaving = new AbortController();
    const first = shared.get("k", false, leaving.signal, fetch, cancelled);
    const second = shared.get("k", false, new AbortController().signal, fetch, cancelled);
    leaving.abort();
    await expect(first).rejects.toThrow("cancelled");
    expect(calls[0]?.signal.aborted).toBe(false);
    calls[0]?.resolve("answer");
    expect(await second).toBe("answer");
  });

  it("aborts the request when every waiter has gone, and starts afresh after", async () => {
    const shared = new SharedGets(0);
    const { calls, fetch } = manualFetch();
    const a = new AbortController();
    const b = new AbortController();
    const waiting = [shared.get("k", false, a.signal, fetch, cancelled), shared.get("k", false, b.signal, fetch, cancelled)];
    a.abort();
    b.abort();
    await Promise.allSettled(waiting);
    expect(calls[0]?.signal.aborted).toBe(true);
    const again = shared.get("k", false, undefined, fetch, cancelled);
    calls[1]?.resolve("fresh");
    expect(await again).toBe("fresh");
  });

  it("keeps list pages for the given time, and only those", async () => {
    let now = 0;
    const shared = new SharedGets(30_000, () => now);
    let sent = 0;
    const fetch = () => Promise.resolve(++sent);
    expect(await shared.get("page", true, undefined, fetch, cancelled)).toBe(1);
    now = 29_000;
    expect(await shared.get("page", true, undefined, fetch, cancelled)).toBe(1);
    now = 30_001;
    expect(await shared.get("page", true, undefined, fetch, cancelled)).toBe(2);
    expect(await shared.get("stats", false, undefined, fetch, cancelled)).toBe(3);
    expect(await shared.get("stats", false, undefined, fetch, cancelled)).toBe(4);
  });

  it("does not keep failures", async () => {
    const shared = new SharedGets(30_000);
    let sent = 0;
    const fetch = () => (++sent === 1 ? Promise.reject(new Error("503")) : Promise.resolve("ok"));
    await expect(shared.get("page", true, undefined, fetch, cancelled)).rejects.toThrow("503");
    expect(await shared.get("page", true, undefined, fetch, cancelled)).toBe("ok");
  });
});

describe("requestKey", () => {
  const url = new URL("https://api.batch.com/2.10/orchestrations/list?status=running");
  it("ignores header order but not header values (REST key, project key)", () => {
    expect(requestKey(url, { a: "1", b: "2" })).toBe(requestKey(url, { b: "2", a: "1" }));
    expect(requestKey(url, { authorization: "Bearer k1", "x-batch-project": "p" })).not.toBe(requestKey(url, { authorization: "Bearer k2", "x-batch-project": "p" }));
    expect(requestKey(url, { authorization: "Bearer k1", "x-batch-project": "p1" })).not.toBe(requestKey(url, { authorization: "Bearer k1", "x-batch-project": "p2" }));
  });
});
