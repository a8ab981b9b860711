// Memory: peak resident set (VmHWM) of the server process after listing 1,000 items and
// then 5,000 more through cursors (standing in for "holding 5,000 in the resource cache"
// until the cache exists), in a fresh server process per listing tool. Linux only (/proc).

import { readFileSync } from "node:fs";
import { startSession, textOf, type Session } from "../test/e2e/harness.js";
import { LISTING_TOOLS, listed, type ListingToolUnderTest } from "../test/e2e/listing-tools.js";
import type { Bench, BenchRow } from "./types.js";

const FIRST = 1000;
const THEN = 5000;
const PAGE = 1000;
const GOAL_MB = 150;

/** A /proc/<pid>/status field in megabytes (the kernel reports kB). */
function statusMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Lists `count` items from the start, `PAGE` per call, through cursors. */
async function listThrough(s: Session, tool: ListingToolUnderTest, count: number): Promise<void> {
  let args: Record<string, unknown> = { ...tool.everything, max_results: Math.min(PAGE, count) };
  for (let got = 0; got < count; ) {
    const result = await s.call(tool.tool, args, { timeout: 120_000 });
    if (result.isError) throw new Error(`${tool.tool} failed: ${textOf(result)}`);
    const page = listed(tool, result);
    got += page.returned;
    if (!page.cursor) {
      if (got < count) throw new Error(`${tool.tool} listed only ${got} of ${count}`);
      break;
    }
    args = { cursor: page.cursor, max_results: Math.min(PAGE, count - got) };
  }
}

const bench: Bench = async () => {
  const rows: BenchRow[] = [];
  for (const tool of LISTING_TOOLS) {
    const s = await startSession();
    try {
      if (!s.pid) throw new Error("the server process has no pid");
      tool.setItems(s.fake, tool.makeItems(THEN));
      await listThrough(s, tool, FIRST);
      await listThrough(s, tool, THEN);
      const peak = statusMb(s.pid, "VmHWM");
      const now = statusMb(s.pid, "VmRSS");
      rows.push({
        name: `memory: ${tool.tool} server peak RSS after ${FIRST} + ${THEN} items`,
        measured: `${peak.toFixed(0)} MB (now ${now.toFixed(0)} MB)`,
        goal: `<= ${GOAL_MB} MB`,
        ok: peak <= GOAL_MB,
      });
    } finally {
      await s.close();
    }
  }
  return rows;
};
export default bench;
