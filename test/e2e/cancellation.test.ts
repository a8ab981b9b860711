// A client that cancels a long listing: the server stops asking Batch for pages (the
// fake's request log stops growing) and keeps serving the next call.

import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession, type Session } from "./harness.js";
import { idsOf, LISTING_TOOLS, listed } from "./listing-tools.js";

const PAGE_LATENCY_MS = 200;
const CANCEL_AFTER_PAGES = 2;
// Pages a listing at max_results 1000 would fetch if nobody cancelled.
const TOTAL_PAGES = 10;

for (const tool of LISTING_TOOLS) {
  describe(`${tool.tool} cancelled by the client`, () => {
    let s: Session;
    // Enough for 10 pages at max_results 1000: about two seconds if nobody cancels.
    const data = tool.makeItems(TOTAL_PAGES * tool.pageSize);

    beforeAll(async () => {
      s = await startSession();
      tool.setItems(s.fake, data);
    });
    afterAll(() => s.close());

    it("stops requesting pages once the client cancels, and answers the next call", async () => {
      s.fake.setLatency(PAGE_LATENCY_MS);
      s.fake.clearRequests();
      const controller = new AbortController();
      const listing = s.call(tool.tool, { ...tool.everything, max_results: 1000 }, {
        signal: controller.signal,
        onprogress: (p) => {
          if (p.progress >= CANCEL_AFTER_PAGES) controller.abort();
        },
      });
      await expect(listing).rejects.toThrow(/abort/i);

      // Give a server that ignored the cancellation time to fetch several more pages.
      await sleep(4 * PAGE_LATENCY_MS);
      const afterCancel = s.fake.requests.length;
      await sleep(4 * PAGE_LATENCY_MS);
      expect(s.fake.requests.length).toBe(afterCancel);
      // Pages arrive in waves of `parallelPages` (one at a time for cursor paging): the wave
      // holding the page that triggered the cancel, plus the next wave already in flight.
      const wave = tool.parallelPages;
      expect(afterCancel).toBeLessThanOrEqual(Math.ceil(CANCEL_AFTER_PAGES / wave) * wave + wave);
      expect(afterCancel).toBeLessThan(TOTAL_PAGES);

      s.fake.setLatency(0);
      const next = await s.call(tool.tool, { ...tool.everything, max_results: 3 });
      expect(listed(tool, next).ids).toEqual(idsOf(tool, data).slice(0, 3));
    });
  });
}
