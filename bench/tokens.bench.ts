// Tokens: what a 200-item listing shows an assistant (its text, and each resource link's
// name, title, uri and description, which clients show the model too), against the same
// items as minified raw JSON (what a naive proxy of the Batch API would hand over).
// Counted with js-tiktoken's o200k_base encoding, for every listing tool, on ids of
// Batch's real length (32 random characters).

import { Tiktoken } from "js-tiktoken/lite";
import o200k_base from "js-tiktoken/ranks/o200k_base";
import type { CallToolResult } from "@modelcontextprotocol/server";
import { startSession, textOf } from "../test/e2e/harness.js";
import { idsOf, LISTING_TOOLS, listed } from "../test/e2e/listing-tools.js";
import type { Bench, BenchRow } from "./types.js";

const ITEMS = 200;
const GOALS: Record<string, number> = { list_orchestrations: 0.35, list_inapp_campaigns: 0.45 };

/** What a client shows the model of a result: text blocks and the fields of resource links. */
function shown(result: CallToolResult): string {
  return result.content
    .map((block) => {
      if (block.type === "text") return block.text;
      if (block.type === "resource_link") return [block.name, block.title, block.uri, block.description].filter(Boolean).join("\n");
      return "";
    })
    .join("\n");
}

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
      const goal = GOALS[tool.tool] ?? 0;
      if (result.isError) throw new Error(`${tool.tool} failed: ${textOf(result)}`);
      // Compare like with like: the raw objects of exactly the items the tool listed.
      const listedIds = new Set(listed(tool, result).ids);
      const ids = idsOf(tool, data);
      const raw = data.filter((_, i) => listedIds.has(ids[i] ?? ""));
      const text = tokens(shown(result));
      const json = tokens(JSON.stringify(raw));
      const share = text / json;
      rows.push({
        name: `tokens: ${tool.tool} text + links vs minified raw JSON (${raw.length} items)`,
        measured: `${share.toFixed(2)} (${text} vs ${json} tokens; ${(text / raw.length).toFixed(1)} vs ${(json / raw.length).toFixed(1)} per item)`,
        goal: `<= ${goal}`,
        ok: share <= goal,
      });
    }
  } finally {
    await s.close();
  }
  return rows;
};
export default bench;
