import { describe, expect, it } from "vitest";
import { RequestPacer } from "../../src/batch/pacer.js";

describe("request pacer", () => {
  it("spaces requests per key at the configured rate and leaves other keys alone", async () => {
    const pacer = new RequestPacer(10);
    const started = performance.now();
    await pacer.acquire("a");
    await pacer.acquire("b");
    await pacer.acquire("a"); // waits ~100 ms of real time
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });

  it("doubles the spacing after a 429 and drifts back after successes", () => {
    const pacer = new RequestPacer(1, () => 0);
    expect(pacer.intervalFor("p")).toBe(1000);
    void pacer.acquire("p");
    pacer.slowDown("p");
    expect(pacer.intervalFor("p")).toBe(2000);
    for (let i = 0; i < 10; i++) pacer.recover("p");
    expect(pacer.intervalFor("p")).toBe(1000);
  });

  it("does nothing when the rate is 0", async () => {
    const pacer = new RequestPacer(0);
    expect(pacer.enabled).toBe(false);
    const started = performance.now();
    for (let i = 0; i < 100; i++) await pacer.acquire("p");
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("stops waiting when the signal aborts", async () => {
    const pacer = new RequestPacer(0.1);
    await pacer.acquire("p");
    const controller = new AbortController();
    const waiting = pacer.acquire("p", controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });
});
