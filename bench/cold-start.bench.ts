// Cold start: time from spawning the server to its `initialize` response, median of 20
// runs, beside the floor on this machine: a bare `node -e` that answers one stdin line.
// Variants run interleaved so machine noise hits them alike.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Bench, BenchRow } from "./types.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const RUNS = 20;
const INITIALIZE =
  JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } },
  }) + "\n";

interface Variant {
  name: string;
  args: string[];
  env?: Record<string, string>;
  goal?: { ratio: number; text: string };
}

const FLOOR: Variant = { name: "floor", args: ["-e", 'process.stdin.once("data", () => process.stdout.write("{}\\n"))'] };
const VARIANTS: Variant[] = [
  { name: "cold start: dist/index.js (bundle + code cache)", args: [`${root}dist/index.js`], goal: { ratio: 2.5, text: "<= 2.5x (stretch 1.7x)" } },
  { name: "cold start: bundle without code cache", args: [`${root}dist/index.js`], env: { BATCH_MCP_CODE_CACHE: "0" } },
  { name: "cold start: unbundled tsc output", args: [`${root}build/index.js`] },
];

/** Milliseconds from spawn to the first line on stdout. */
function timeToFirstLine(variant: Variant): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, variant.args, { stdio: ["pipe", "pipe", "ignore"], env: { PATH: process.env.PATH, ...variant.env } });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (!out.includes("\n")) return;
      const ms = performance.now() - started;
      child.kill();
      resolve(ms);
    });
    child.on("error", reject);
    child.on("exit", () => reject(new Error(`${variant.name} exited before answering`)));
    child.stdin.write(INITIALIZE);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const bench: Bench = async () => {
  const variants = VARIANTS.filter((v) => existsSync(v.args[0] ?? ""));
  const times = new Map<Variant, number[]>([FLOOR, ...variants].map((v) => [v, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const variant of times.keys()) times.get(variant)?.push(await timeToFirstLine(variant));
  }
  const floor = median(times.get(FLOOR) ?? []);
  return variants.map((variant): BenchRow => {
    const ms = median(times.get(variant) ?? []);
    const ratio = ms / floor;
    return {
      name: variant.name,
      measured: `${ratio.toFixed(2)}x (${ms.toFixed(0)} ms vs node -e ${floor.toFixed(0)} ms)`,
      goal: variant.goal?.text ?? "(reference)",
      ok: variant.goal ? ratio <= variant.goal.ratio : true,
    };
  });
};
export default bench;
