// The fault matrix: every listing tool x every fault the fake can inject x first or later
// page. Each cell asserts the documented result (retried and succeeded, an actionable
// error, partial results with a resume cursor, or a clean stop with a warning), that no
// secret shows, and that the same server process then answers a normal call.

import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../../src/fake-batch/index.js";
import { FAULT_CASES, type Expectation, type FaultCase } from "./fault-cases.js";
import { expectNoSecrets, startSession, textOf, type Session } from "./harness.js";
import { idsOf, LISTING_TOOLS, listed, type ListingToolUnderTest } from "./listing-tools.js";

// 300 items, 250 asked for: three pages, the last one cut mid-page.
const SIZE = 300;
const CAP = 250;
// The server must answer every call well within this, whatever Batch does.
const TIME_BOUND_MS = 10_000;

const POSITIONS = [
  { position: "first page", page: 0 },
  { position: "later page", page: 1 },
] as const;

interface Cell extends FaultCase {
  position: string;
  page: number;
  expected: Expectation;
}

function cells(tool: ListingToolUnderTest): Cell[] {
  return FAULT_CASES.filter((c) => !c.cursorOnly || tool.paging === "cursor").flatMap((c) =>
    POSITIONS.map((p) => ({ ...c, ...p, expected: (p.page === 0 && c.onFirstPage) || c.expect })),
  );
}

const dedupe = (ids: string[]) => [...new Set(ids)];

for (const tool of LISTING_TOOLS) describe(`${tool.tool} fault matrix`, () => {
  let s: Session;
  const data = tool.makeItems(SIZE);
  const args = { ...tool.everything, max_results: CAP };
  const pagesForCap = Math.ceil(CAP / tool.pageSize);
  const routeRequests = () => s.fake.requests.filter((r) => r.route === tool.route).length;
  const call = (a: Record<string, unknown>) => s.call(tool.tool, a, { timeout: TIME_BOUND_MS });

  beforeAll(async () => {
    // A short timeout keeps the "never answers" cells fast; retries back off from 20 ms.
    s = await startSession({ env: { BATCH_TIMEOUT_MS: "300" } });
  });
  afterAll(() => s.close());

  async function check(expected: Expectation, cell: Cell, items: Json[], result: CallToolResult, attempts: number) {
    const all = idsOf(tool, items);
    const text = textOf(result);
    switch (expected.outcome) {
      case "retried": {
        expect(result.isError, text).toBeFalsy();
        expect(listed(tool, result).ids).toEqual(all.slice(0, CAP));
        expect(routeRequests()).toBe(pagesForCap + 1);
        return;
      }
      case "complete": {
        expect(result.isError, text).toBeFalsy();
        expect(listed(tool, result).ids).toEqual(dedupe(all).slice(0, CAP));
        return;
      }
      case "stops": {
        const page = listed(tool, result);
        expect(page.ids).toEqual(all.slice(0, (cell.page + 1) * tool.pageSize));
        expect(page.has_more).toBe(false);
        expect(page.cursor).toBeUndefined();
        expect(page.warnings.join(" ")).toMatch(expected.says);
        expect(text).toMatch(expected.says);
        return;
      }
      case "error": {
        expect(text).toMatch(expected.says);
        expect(routeRequests()).toBe(cell.page + attempts);
        if (cell.page === 0) {
          expect(result.isError).toBe(true);
          return;
        }
        // A later page failed: what was collected, said to be partial, and a cursor that
        // resumes at the failed page so nothing is lost or repeated.
        const partial = listed(tool, result);
        expect(result.isError).toBeFalsy();
        expect(partial.ids).toEqual(all.slice(0, cell.page * tool.pageSize));
        expect(partial.has_more).toBe(true);
        expect(partial.warnings.join(" ")).toMatch(/partial.*resume from the failed page/);
        const rest = listed(tool, await call({ cursor: partial.cursor, max_results: CAP }));
        expect([...partial.ids, ...rest.ids]).toEqual(all.slice(0, partial.ids.length + CAP));
        return;
      }
    }
  }

  for (const cell of cells(tool)) it(`${cell.name} on the ${cell.position}`, async () => {
    const items = cell.data ? cell.data(data, cell.page, tool.pageSize, tool.rawId) : data;
    tool.setItems(s.fake, items);
    s.fake.clearRequests();
    const times = cell.times ?? 1;
    if (cell.fault) s.fake.script({ route: tool.route, nth: cell.page + 1, times, fault: cell.fault });

    const result = await call(args);
    await check(cell.expected, cell, items, result, times);
    expectNoSecrets(JSON.stringify(result), s.stderr());

    // The same process serves the next call normally (and no scripted fault is left over).
    tool.setItems(s.fake, data);
    const next = await call({ ...tool.everything, max_results: 5 });
    expect(next.isError, textOf(next)).toBeFalsy();
    expect(listed(tool, next).ids).toEqual(idsOf(tool, data).slice(0, 5));
  });
});
