// Remote mode under a team's load: 100 clients at once, each connecting over Streamable
// HTTP (token auth) and making 5 tool calls, against a fake Batch answering in 50 ms.
// Latency per call (p50, p99), errors, the server's peak resident memory, and how many
// requests reached Batch: the shared pages should turn 500 calls into a handful.

import type { Client, CallToolResult } from "@modelcontextprotocol/client";
import { readFileSync } from "node:fs";
import { makeInappCampaigns, makeOrchestrations } from "../test/fake-batch/factories.js";
import { startHttpServer } from "../test/e2e/http-harness.js";
import { ms } from "./measure.js";
import type { Bench } from "./types.js";

const CLIENTS = 100;
const TOKEN = "bench-token";
const LATENCY_MS = 50;
/** What a team asks, one call each: 5 distinct listings, one Batch page apiece. */
const CALLS: Array<[string, Record<string, unknown>]> = [
  ["list_orchestrations", {}],
  ["list_orchestrations", { status: ["completed"], max_results: 50 }],
  ["list_inapp_campaigns", {}],
  ["list_orchestrations", { status: ["draft"], max_results: 20 }],
  ["list_inapp_campaigns", { live: true, max_results: 20 }],
];
// Latency under 100 simultaneous calls is queueing (Little's law: in flight / throughput) on
// a machine that also runs the 100 clients. The p50 goal is the one first set for this bench
// (300 ms) and stands even where this 2-core machine misses it; the throughput row says what
// the server sustains.
const GOALS = { p50Ms: 300, p99Ms: 3000, callsPerS: 100, errors: 0, peakMb: 250, batchRequests: 2 * CALLS.length };

function peakMb(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? Number.NaN) / 1024;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

async function session(client: Client, latencies: number[]): Promise<number> {
  let errors = 0;
  for (const [name, args] of CALLS) {
    const started = performance.now();
    const result = (await client.callTool({ name, arguments: args }, { timeout: 60_000 }).catch(() => ({ isError: true }))) as Pick<CallToolResult, "isError">;
    latencies.push(performance.now() - started);
    if (result.isError) errors++;
  }
  await client.close();
  return errors;
}

const bench: Bench = async () => {
  const s = await startHttpServer({
    fake: { orchestrations: makeOrchestrations(300), inappCampaigns: makeInappCampaigns(80), latencyMs: LATENCY_MS },
    env: { BATCH_MCP_AUTH: "tokens", BATCH_MCP_TOKENS: TOKEN },
  });
  try {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => s.connect({ requestInit: { headers } })));
    s.fake.clearRequests();
    const latencies: number[] = [];
    const started = performance.now();
    const errors = (await Promise.all(clients.map((c) => session(c, latencies)))).reduce((a, b) => a + b, 0);
    const perS = latencies.length / ((performance.now() - started) / 1000);
    const sorted = latencies.sort((a, b) => a - b);
    const [p50, p99] = [percentile(sorted, 50), percentile(sorted, 99)];
    const peak = peakMb(s.process.pid ?? 0);
    const batch = s.fake.requests.length;
    const load = `${CLIENTS} clients x ${CALLS.length} calls over HTTP`;
    return [
      { name: `remote mode, ${load}: p50 latency per call`, measured: ms(p50), goal: `<= ${GOALS.p50Ms} ms`, ok: p50 <= GOALS.p50Ms },
      { name: `remote mode, ${load}: p99 latency per call`, measured: ms(p99), goal: `<= ${GOALS.p99Ms} ms`, ok: p99 <= GOALS.p99Ms },
      { name: `remote mode, ${load}: throughput`, measured: `${perS.toFixed(0)} calls/s`, goal: `>= ${GOALS.callsPerS} calls/s`, ok: perS >= GOALS.callsPerS },
      { name: `remote mode, ${load}: errors`, measured: String(errors), goal: `${GOALS.errors}`, ok: errors === GOALS.errors },
      { name: `remote mode, ${load}: server peak RSS`, measured: `${peak.toFixed(0)} MB`, goal: `<= ${GOALS.peakMb} MB`, ok: peak <= GOALS.peakMb },
      { name: `remote mode, ${load}: requests to Batch (${CALLS.length} distinct one-page listings)`, measured: String(batch), goal: `<= ${GOALS.batchRequests}`, ok: batch <= GOALS.batchRequests },
    ];
  } finally {
    await s.close();
  }
};
export default bench;
