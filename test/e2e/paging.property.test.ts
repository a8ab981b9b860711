// Paging properties end to end, for every listing tool: for random data sets, item shapes,
// filters and max_results, following the cursors to the end returns exactly the items the
// reference filter selects, each once, in API order; and no result shows the model more
// than the response budget, whether the cap, the budget or the end of the data stops it.
// Run at the default budget and at the smallest one allowed, where cuts fall on every call.
// Fewer runs than the collector-level property (test/unit/paging.property.test.ts)
// because each case is real calls over stdio.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../../src/fake-batch/index.js";
import { shownChars } from "../../src/mcp/listing/budget.js";
import { startSession, textOf, type Session } from "./harness.js";
import { idsOf, LISTING_TOOLS, listed } from "./listing-tools.js";

const RUNS = 15;
const BUDGETS = [40_000, 5_000];

/** Some items get very long names and many labels: what a line costs varies item by item. */
const shape = fc.record({ every: fc.integer({ min: 1, max: 9 }), extra: fc.integer({ min: 0, max: 2_500 }), labels: fc.integer({ min: 0, max: 40 }) });

function stretch(items: Json[], s: { every: number; extra: number; labels: number }): Json[] {
  return items.map((item, i) =>
    i % s.every === 0 ? { ...item, name: `${String(item.name)} ${"x".repeat(s.extra)}`, labels: Array.from({ length: s.labels }, (_, k) => `LABEL_${k}`) } : item,
  );
}

for (const tool of LISTING_TOOLS) {
  for (const budget of BUDGETS) {
    describe(`${tool.tool} paging within a ${budget}-character budget (property)`, () => {
      let s: Session;
      beforeAll(async () => {
        s = await startSession({ env: { BATCH_MCP_MAX_RESULT_CHARS: String(budget) } });
      });
      afterAll(() => s.close());

      it("returns every matching item exactly once, in order, through cursors, and no result over the budget", async () => {
        const scenario = fc.record({
          // Up to 4.5 Batch pages, so caps fall mid-page, on page edges and past the end.
          size: fc.integer({ min: 0, max: Math.round(tool.pageSize * 4.5) }),
          cap: fc.oneof({ arbitrary: fc.integer({ min: 5, max: 150 }), weight: 3 }, { arbitrary: fc.constant(1000), weight: 1 }),
          filter: tool.filters,
          shape,
        });
        await fc.assert(
          fc.asyncProperty(scenario, async ({ size, cap, filter, shape }) => {
            const data = stretch(tool.makeItems(size), shape);
            tool.setItems(s.fake, data);
            const expected = idsOf(tool, data.filter(filter.matches));
            const seen: string[] = [];
            // The first call carries the filters; the rest pass the cursor alone, as documented.
            let args: Record<string, unknown> = { ...filter.args, max_results: cap };
            for (let calls = 1; ; calls++) {
              const result = await s.call(tool.tool, args);
              expect(result.isError, textOf(result)).toBeFalsy();
              expect(shownChars(result.content)).toBeLessThanOrEqual(budget);
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
  }
}
