// Bad input from the client: every case gets a clear error result naming what is wrong,
// Batch is not called for input that cannot be valid, and the process keeps serving.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/workspace/listing/cursor.js";
import { expectNoSecrets, startSession, textOf, type Session } from "./harness.js";
import { idsOf, LISTING_TOOLS, listed } from "./listing-tools.js";

/** Arguments every listing tool refuses before calling Batch. */
const COMMON_BAD_INPUT = [
  { name: "max_results 0", args: { max_results: 0 } },
  { name: "max_results above the limit", args: { max_results: 10_001 } },
  { name: "max_results above the limit, counting", args: { max_results: 10_001, totals_only: true } },
  { name: "totals_only as text", args: { totals_only: "yes" } },
  { name: "a negative max_results", args: { max_results: -5 } },
  { name: "a fractional max_results", args: { max_results: 2.5 } },
  { name: "max_results as text", args: { max_results: "ten" } },
  { name: "a cursor of 100,000 characters", args: { cursor: `bmc1.${"A".repeat(100_000)}` } },
];

// Shown for input the schema refuses: the SDK names the offending field.
const VALIDATION = /Input validation error/;

for (const tool of LISTING_TOOLS) {
  describe(`${tool.tool} with bad input`, () => {
    let s: Session;
    const data = tool.makeItems(30);

    beforeAll(async () => {
      s = await startSession();
      tool.setItems(s.fake, data);
    });
    afterAll(() => s.close());

    it.each([...COMMON_BAD_INPUT, ...tool.badInput])("refuses $name without calling Batch", async ({ args }) => {
      s.fake.clearRequests();
      const result = await s.call(tool.tool, args);
      expect(result.isError).toBe(true);
      const text = textOf(result);
      expect(text).toMatch(VALIDATION);
      expect(text).toMatch(new RegExp(Object.keys(args).join("|")));
      expect(text.length).toBeLessThan(2_000);
      expect(s.fake.requests).toHaveLength(0);
    });

    // Valid to the schema, refused by the tool: a sentence saying what to pass instead.
    const refusedCases = [
      { name: "more items than one answer can show", args: { max_results: 1001 }, says: /^max_results 1001 is more than one answer can show \(1000 at most\)\. For counts, pass totals_only: true/ },
      {
        name: "a creation range that ends before it starts",
        args: { created_after: "2025-06-01", created_before: "2025-05-01" },
        says: /^created_after \(2025-06-01\) is not before created_before \(2025-05-01\), so nothing can match/,
      },
    ];
    it.each(refusedCases)("refuses $name without calling Batch", async ({ args, says }) => {
      s.fake.clearRequests();
      const result = await s.call(tool.tool, args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(says);
      expect(s.fake.requests).toHaveLength(0);
    });

    const cursorCases = [
      { name: "garbage", cursor: "not-a-cursor", says: /not one this server issued/ },
      { name: "the right prefix with junk after it", cursor: "bmc1.%%%%", says: /not one this server issued/ },
      { name: "valid encoding of the wrong payload", cursor: `bmc1.${Buffer.from('{"tool":1}').toString("base64url")}`, says: /not one this server issued/ },
      { name: "a cursor from another tool", cursor: encodeCursor(tool.otherTool, {}, { page: undefined, skip: 0 }), says: new RegExp(`belongs to ${tool.otherTool}`) },
      { name: "a forged query", cursor: encodeCursor(tool.tool, { name_contains: 7, status: 7 }, { page: undefined, skip: 0 }), says: /not one this server issued/ },
    ];
    it.each(cursorCases)("refuses $name as a cursor, saying to drop it", async ({ cursor, says }) => {
      s.fake.clearRequests();
      const result = await s.call(tool.tool, { cursor });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(says);
      expect(s.fake.requests).toHaveLength(0);
    });

    it("reports Batch's refusal of a cursor position it does not know", async () => {
      const forged = encodeCursor(tool.tool, {}, { page: "not-a-batch-position", skip: 0 });
      const result = await s.call(tool.tool, { cursor: forged });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/rejected the request.*HTTP 400|cursor/);
    });

    it("refuses an unknown tool by name", async () => {
      // Unknown tools are a protocol error (-32602) in SDK v2, not a tool result.
      await expect(s.call("list_everything", {})).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/Tool list_everything not found/) });
    });

    it("is still up and serving after all of it, with no secret in any output", async () => {
      const { tools } = await s.client.listTools();
      expect(tools.map((t) => t.name)).toContain(tool.tool);
      const result = await s.call(tool.tool, { ...tool.everything, max_results: 10 });
      expect(listed(tool, result).ids).toEqual(idsOf(tool, data).slice(0, 10));
      expectNoSecrets(s.stderr());
    });
  });
}
