// Tokens: what a 100-item listing costs an assistant in text content, against the same
// items as minified raw JSON (what a naive proxy of the Batch API would hand over).
// Counted with js-tiktoken's o200k_base encoding, for every listing tool.

import { Tiktoken } from "js-tiktoken/lite";
import o200k_base from "js-tiktoken/ranks/o200k_base";
import { startSession, textOf } from "../test/e2e/harness.js";
import { idsOf, LISTING_TOOLS, listed } from "../test/e2e/listing-tools.js";
import type { Bench, BenchRow } from "./types.js";

const ITEMS = 100;
const GOAL = 0.35;

const bench: Bench = async () => {
  const encoder = new Tiktoken(o200k_base);
  const tokens = (text: string) => encoder.encode(text).length;
  const s = await startSession();
  const rows: BenchRow[] = [];
  try {
    for (const tool of LISTING_TOOLS) {
      const data = tool.makeItems(ITEMS);
      tool.setItems(s.fake, data);
      const result = await s.call(tool.tool, { ...tool.everything, max_results: ITEMS });
      if (result.isError) throw new Error(`${tool.tool} failed: ${textOf(result)}`);
      // Compare like with like: the raw objects of exactly the items the tool listed.
      const shown = new Set(listed(tool, result).ids);
      const ids = idsOf(tool, data);
      const raw = data.filter((_, i) => shown.has(ids[i] ?? ""));
      const text = tokens(textOf(result));
      const json = tokens(JSON.stringify(raw));
      const share = text / json;
      rows.push({
        name: `tokens: ${tool.tool} text vs minified raw JSON (${raw.length} items)`,
        measured: `${share.toFixed(2)} (${text} vs ${json} tokens; ${(text / raw.length).toFixed(1)} vs ${(json / raw.length).toFixed(1)} per item)`,
        goal: `<= ${GOAL}`,
        ok: share <= GOAL,
      });
    }
  } finally {
    await s.close();
  }
  return rows;
};
export default bench;
