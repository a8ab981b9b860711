// CI: the official MCP conformance suite against batch-mcp's remote mode, in both protocol
// eras, over the scenarios that hold for any server. Run by .ci/run under Node 22 (the
// suite needs it):
//
//   CONFORMANCE=<suite's dist/index.js> [SERVER_NODE=<node for the server>] node22 .ci/conformance.mjs
//
// Starts `dist/index.js --http --demo` on a free loopback port (auth none, the demo
// workspace: no keys, nothing leaves 127.0.0.1), lists something once so that resources/list
// has items and resources/read gets exercised, then runs each scenario at its era with
// .ci/conformance-expected-failures.yml as the suite's baseline. Prints one table row per
// run; exits 1 when any run failed (a failure not in the baseline, or a baselined check that
// now passes), printing that run's report.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SERVER = join(ROOT, "dist", "index.js");
const BASELINE = join(ROOT, ".ci", "conformance-expected-failures.yml");
const RESULTS = join(ROOT, "test-artifacts", "conformance");
const SUITE = process.env.CONFORMANCE;
const SERVER_NODE = process.env.SERVER_NODE || "node";

/** The scenarios that hold for any server (no fixture tools, resources or prompts), per era. */
const RUNS = {
  "2026-07-28": ["server-stateless", "tools-list", "resources-list", "prompts-list", "dns-rebinding-protection", "caching", "sep-2164-resource-not-found"],
  "2025-11-25": ["server-initialize", "ping", "tools-list", "resources-list", "prompts-list", "dns-rebinding-protection"],
};

if (!SUITE || !existsSync(SUITE)) throw new Error(`CONFORMANCE must name the suite's dist/index.js (got ${JSON.stringify(SUITE)})`);
if (!existsSync(SERVER)) throw new Error("dist/index.js is missing: run npm run build first");

function startServer() {
  const child = spawn(SERVER_NODE, [SERVER, "--http", "--demo", "--port", "0"], { env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const url = new Promise((resolve, reject) => {
    child.stderr.on("data", (chunk) => {
      stderr += chunk.toString("utf8");
      const match = /serving MCP over Streamable HTTP at (http:\/\/\S+\/mcp)/.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before serving: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

/** One handshake-era tools/call (the stateless legacy leg needs no initialize). */
async function listSomething(url) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_orchestrations", arguments: { max_results: 5 } } }),
  });
  const body = await response.text();
  if (response.status !== 200 || !body.includes("orchestrations")) throw new Error(`warm-up listing failed: HTTP ${response.status} ${body.slice(0, 300)}`);
}

/** The suite colours its output whatever NO_COLOR says. */
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, "");

function checksOf(dir) {
  const runs = existsSync(dir) ? readdirSync(dir) : [];
  const file = runs.map((run) => join(dir, run, "checks.json")).find((path) => existsSync(path));
  return file ? JSON.parse(readFileSync(file, "utf8")) : [];
}

const server = startServer();
const rows = [];
let failed = 0;
try {
  const url = await server.url;
  await listSomething(url);
  rmSync(RESULTS, { recursive: true, force: true });
  console.log(`conformance: ${url}, suite ${SUITE}, server on ${SERVER_NODE}`);
  for (const [era, scenarios] of Object.entries(RUNS)) {
    for (const scenario of scenarios) {
      const out = join(RESULTS, era, scenario);
      mkdirSync(out, { recursive: true });
      const started = Date.now();
      const run = spawnSync(process.execPath, [SUITE, "server", "--url", url, "--scenario", scenario, "--spec-version", era, "--expected-failures", BASELINE, "-o", out], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        timeout: 120_000,
      });
      const checks = checksOf(out);
      const count = (status) => checks.filter((c) => c.status === status).length;
      const ok = run.status === 0 && checks.length > 0;
      if (!ok) failed++;
      rows.push({ era, scenario, checks: checks.length, passed: count("SUCCESS"), failed: count("FAILURE"), warnings: count("WARNING"), skipped: count("SKIPPED"), info: count("INFO"), verdict: ok ? "ok" : "FAIL", seconds: ((Date.now() - started) / 1000).toFixed(1) });
      if (!ok) {
        console.log(`\n---- ${era} ${scenario}: the suite exited ${run.status ?? run.signal}${checks.length === 0 ? " and wrote no checks.json" : ""}`);
        for (const check of checks.filter((c) => c.status === "FAILURE")) console.log(`  failed: ${check.id}: ${check.errorMessage ?? ""} ${JSON.stringify(check.details ?? {}).slice(0, 400)}`);
        // The suite's verdict against the baseline (expected, stale, unexpected), else its last words.
        const lines = plain(`${run.stdout ?? ""}\n${run.stderr ?? ""}`).trim().split("\n");
        const verdict = lines.findIndex((line) => /^(Expected failures|Stale baseline|Unexpected failures)/.test(line));
        console.log(lines.slice(verdict >= 0 ? verdict : -30).join("\n"));
      }
      for (const check of checks.filter((c) => c.status === "WARNING")) console.log(`warning: ${era} ${scenario} ${check.id}: ${check.errorMessage ?? ""}`);
    }
  }
} finally {
  server.child.kill("SIGTERM");
}

const header = ["era", "scenario", "checks", "passed", "failed", "warnings", "skipped", "info", "verdict", "s"];
const table = [header, ...rows.map((r) => [r.era, r.scenario, r.checks, r.passed, r.failed, r.warnings, r.skipped, r.info, r.verdict, r.seconds].map(String))];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log("");
for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd());
console.log(`\n"failed" counts the expected failures too (${BASELINE.slice(ROOT.length)}); the verdict is the suite's, against that baseline. Reports: ${RESULTS.slice(ROOT.length)}/`);
console.log(failed === 0 ? "conformance: every run passed" : `conformance: ${failed} run(s) failed`);
process.exit(failed === 0 ? 0 : 1);
