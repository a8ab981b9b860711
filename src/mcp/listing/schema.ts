// Input and output schema pieces every listing tool shares.

import { z } from "zod";

/** Items one listing call may return: the response budget may stop it sooner. */
export const MAX_RESULTS_LIMIT = 1000;
/** Items a totals_only call may count. */
export const TOTALS_MAX_RESULTS = 10_000;

export const pagingInput = {
  max_results: z
    .number()
    .int()
    .min(1)
    .max(TOTALS_MAX_RESULTS)
    .default(100)
    .describe(
      `Most items to return, 1 to ${MAX_RESULTS_LIMIT} (default 100); with totals_only, most items to count, up to ${TOTALS_MAX_RESULTS}. ` +
        "When more match, or the answer reaches its size or time budget, the result has a cursor.",
    ),
  totals_only: z
    .boolean()
    .optional()
    .describe('true: count matching items (by status, type, channel...) and their creation dates instead of listing them; for "how many ... this year?". Default false.'),
  cursor: z
    .string()
    .max(8000)
    .optional()
    .describe("Cursor from a previous result of this tool, to continue exactly where it stopped. It remembers the filters."),
};

export function listingOutput<K extends string, I extends z.ZodType, T extends z.ZodType>(itemsKey: K, item: I, totals: T) {
  return {
    [itemsKey]: z.array(item).optional().describe("The items, in Batch's order (absent with totals_only)."),
    returned: z.number().int().describe("How many items this result holds."),
    scanned: z.number().int().optional().describe("With totals_only: how many matching items the totals count, over this call and the ones before it."),
    has_more: z.boolean().describe("True when more items may match; use `cursor` to get them."),
    cursor: z.string().optional().describe("Pass to the same tool to continue."),
    stopped_by: z
      .enum(["max_results", "response_budget", "time_budget", "page_limit", "failed_page"])
      .optional()
      .describe("Why this result ended before the last matching item."),
    pages: z.number().int().describe("Pages fetched from Batch for this result."),
    totals,
    created_span: z.object({ first: z.string(), last: z.string() }).optional().describe("Earliest and latest created_date counted."),
    warnings: z.array(z.string()).optional(),
  } as { [P in K]: z.ZodOptional<z.ZodArray<I>> } & {
    returned: z.ZodNumber;
    scanned: z.ZodOptional<z.ZodNumber>;
    has_more: z.ZodBoolean;
    cursor: z.ZodOptional<z.ZodString>;
    stopped_by: z.ZodOptional<z.ZodEnum<{ max_results: "max_results"; response_budget: "response_budget"; time_budget: "time_budget"; page_limit: "page_limit"; failed_page: "failed_page" }>>;
    pages: z.ZodNumber;
    totals: T;
    created_span: z.ZodOptional<z.ZodObject<{ first: z.ZodString; last: z.ZodString }>>;
    warnings: z.ZodOptional<z.ZodArray<z.ZodString>>;
  };
}

export const counts = z.record(z.string(), z.number().int());
