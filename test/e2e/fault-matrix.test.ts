// The fault matrix: every listing tool x every fault the fake can inject x first or later
// page. Each cell asserts the documented result (retried and succeeded, an actionable
// error, partial results with a resume cursor, or a clean stop with a warning), that no
// secret shows, and that the same server process then answers a normal call.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json, RecordedRequest, ScriptedFault } from "../../src/fake-batch/index.js";
import { FAULT_CASES, type Expectation, type FaultCase } from "./fault-cases.js";
import { expectNoSecrets, startSession, textOf, type CallToolResult, type Session } from "./harness.js";
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

/**
 * How a fault names page n, and which requests were for it. Cursor pages come one after
 * another, so page n is the (n+1)th request and all later ones retry it; offset pages are
 * fetched in parallel and arrive in any order, so they are named by their offset.
 */
const PAGE_ADDRESSING: Record<ListingToolUnderTest["paging"], {
  target(page: number, pageSize: number): Pick<ScriptedFault, "nth" | "query">;
  requestsFor(requests: RecordedRequest[], page: number, pageSize: number): number;
}> = {
  cursor: {
    target: (page) => ({ nth: page + 1 }),
    requestsFor: (requests, page) => requests.length - page,
  },
  offset: {
    target: (page, pageSize) => ({ query: { from: String(page * pageSize) } }),
    requestsFor: (requests, page, pageSize) => requests.filter((r) => r.query.from?.[0] === String(page * pageSize)).length,
  },
};

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
  const addressing = PAGE_ADDRESSING[tool.paging];
  const routeLog = () => s.fake.requests.filter((r) => r.route === tool.route);
  const routeRequests = () => routeLog().length;
  const call = (a: Record<string, unknown>, bound = TIME_BOUND_MS) => s.call(tool.tool, a, { timeout: bound });
  // A 429 is retried no sooner than the API asks: v1.1's documented 5 s per retry adds up.
  const boundFor = (cell: Cell) =>
    TIME_BOUND_MS + (cell.fault?.kind === "status" && cell.fault.status === 429 ? (cell.times ?? 1) * tool.min429WaitMs : 0);

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
        expect(addressing.requestsFor(routeLog(), cell.page, tool.pageSize)).toBe(attempts);
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

  for (const cell of cells(tool)) it(`${cell.name} on the ${cell.position}`, { timeout: boundFor(cell) + 10_000 }, async () => {
    const items = cell.data ? cell.data(data, cell.page, tool.pageSize, tool.rawId) : data;
    tool.setItems(s.fake, items);
    s.fake.clearRequests();
    const times = cell.times ?? 1;
    if (cell.fault) s.fake.script({ route: tool.route, ...addressing.target(cell.page, tool.pageSize), times, fault: cell.fault });

    const result = await call(args, boundFor(cell));
    await check(cell.expected, cell, items, result, times);
    expectNoSecrets(JSON.stringify(result), s.stderr());

    // The same process serves the next call normally (and no scripted fault is left over).
    tool.setItems(s.fake, data);
    const next = await call({ ...tool.everything, max_results: 5 });
    expect(next.isError, textOf(next)).toBeFalsy();
    expect(listed(tool, next).ids).toEqual(idsOf(tool, data).slice(0, 5));
  });
});
