// Paging properties end to end, for every listing tool: for random data sets, filters and
// max_results, following the cursors to the end returns exactly the items the reference
// filter selects, each once, in API order. Fewer runs than the collector-level property
// (test/unit/paging.property.test.ts) because each case is real calls over stdio.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession, textOf, type Session } from "./harness.js";
import { idsOf, LISTING_TOOLS, listed } from "./listing-tools.js";

const RUNS = 20;

for (const tool of LISTING_TOOLS) describe(`${tool.tool} paging (property)`, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(() => s.close());

  it("returns every matching item exactly once, in order, through cursors", async () => {
    const scenario = fc.record({
      // Up to 4.5 Batch pages, so caps fall mid-page, on page edges and past the end.
      size: fc.integer({ min: 0, max: Math.round(tool.pageSize * 4.5) }),
      cap: fc.oneof({ arbitrary: fc.integer({ min: 5, max: 150 }), weight: 3 }, { arbitrary: fc.constant(1000), weight: 1 }),
      filter: tool.filters,
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ size, cap, filter }) => {
        const data = tool.makeItems(size);
        tool.setItems(s.fake, data);
        const expected = idsOf(tool, data.filter(filter.matches));
        const seen: string[] = [];
        // The first call carries the filters; the rest pass the cursor alone, as documented.
        let args: Record<string, unknown> = { ...filter.args, max_results: cap };
        for (let calls = 1; ; calls++) {
          const result = await s.call(tool.tool, args);
          expect(result.isError, textOf(result)).toBeFalsy();
          const page = listed(tool, result);
          expect(page.ids.length).toBeLessThanOrEqual(cap);
          seen.push(...page.ids);
          if (!page.cursor) {
            expect(page.has_more).toBe(false);
            break;
          }
          expect(calls).toBeLessThanOrEqual(size + 1);
          args = { cursor: page.cursor, max_results: cap };
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });
});
