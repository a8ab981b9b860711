// Parsing throughput of a 100-item orchestrations page.

import { parseOrchestrationsPage } from "../src/batch/orchestrations-endpoint.js";
import { makeOrchestrations } from "../src/fake-batch/index.js";
import type { Bench } from "./types.js";

const bench: Bench = async () => {
  const body = JSON.parse(JSON.stringify({ orchestrations: makeOrchestrations(100), has_more: true, next_from: "x" })) as unknown;
  const runs = 2000;
  const started = performance.now();
  for (let i = 0; i < runs; i++) parseOrchestrationsPage(body, undefined);
  const perPageMs = (performance.now() - started) / runs;
  return [{ name: "parse one 100-item orchestrations page", measured: `${perPageMs.toFixed(3)} ms`, goal: "<= 1 ms", ok: perPageMs <= 1 }];
};
export default bench;
