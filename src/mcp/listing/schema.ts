// Input and output schema pieces every listing tool shares.

import { z } from "zod";

export const MAX_RESULTS_LIMIT = 1000;

export const pagingInput = {
  max_results: z
    .number()
    .int()
    .min(1)
    .max(MAX_RESULTS_LIMIT)
    .default(100)
    .describe(`Most items to return, 1 to ${MAX_RESULTS_LIMIT} (default 100). When more match, the result has a cursor.`),
  cursor: z
    .string()
    .max(8000)
    .optional()
    .describe("Cursor from a previous result of this tool, to continue exactly where it stopped. It remembers the filters."),
};

export function listingOutput<K extends string, I extends z.ZodType, T extends z.ZodType>(itemsKey: K, item: I, totals: T) {
  return {
    [itemsKey]: z.array(item),
    returned: z.number().int().describe("How many items this result holds."),
    has_more: z.boolean().describe("True when more items may match; use `cursor` to get them."),
    cursor: z.string().optional().describe("Pass to the same tool to continue."),
    pages: z.number().int().describe("Pages fetched from Batch for this result."),
    totals,
    warnings: z.array(z.string()).optional(),
  } as { [P in K]: z.ZodArray<I> } & {
    returned: z.ZodNumber;
    has_more: z.ZodBoolean;
    cursor: z.ZodOptional<z.ZodString>;
    pages: z.ZodNumber;
    totals: T;
    warnings: z.ZodOptional<z.ZodArray<z.ZodString>>;
  };
}

export const counts = z.record(z.string(), z.number().int());
