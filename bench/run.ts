// `npm run bench`: runs every benchmark in bench/*.bench.ts (or those named on the
// command line) one after the other and prints one table. Exit code 0 always: goals are
// reported, not enforced, since the machines are noisy.

import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Bench, BenchRow } from "./types.js";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.js"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  process.stderr.write(`running ${file}...\n`);
  const module = (await import(pathToFileURL(`${here}/${file}`).href)) as { default: Bench };
  rows.push(...(await module.default()));
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [r.name, r.measured, r.goal][i]?.length ?? 0), 8));
const cell = (text: string, i: number) => text.padEnd(widths[i] ?? 0);
console.log(`| ${cell("benchmark", 0)} | ${cell("measured", 1)} | ${cell("goal", 2)} | ok |`);
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|----|`);
for (const r of rows) console.log(`| ${cell(r.name, 0)} | ${cell(r.measured, 1)} | ${cell(r.goal, 2)} | ${r.ok ? "yes" : "NO"} |`);
