// End-to-end smoke of the built server on whichever Node runs this file (CI runs it on
// Node 20, 22 and 24): the demo workspace (no keys, nothing leaves 127.0.0.1) over stdio in
// both protocol eras and over Streamable HTTP in both eras, through the SDK's own client.
// Plain JavaScript, so it needs no build step. One line per check; exits 1 if any failed.
//
//   node scripts/smoke.mjs            (after npm run build)

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";

const SERVER = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const MODERN = "2026-07-28";
const DEMO_NOTICE = /^Demo mode: this is sample data/;
const TOOLS = ["list_orchestrations", "list_inapp_campaigns", "get_orchestration_stats", "compare_orchestrations"];
/** Only what the server needs: no Batch keys from the caller's environment reach it. */
const ENV = { PATH: process.env.PATH ?? "" };
const STEP_TIMEOUT_MS = 30_000;

let failures = 0;

async function check(name, run) {
  const started = Date.now();
  try {
    const detail = await Promise.race([
      run(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS).unref()),
    ]);
    console.log(`ok   ${name}: ${detail} (${Date.now() - started} ms)`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const textOf = (result) => result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");

/** A successful tool result from the demo workspace, or a thrown error saying what came instead. */
async function callTool(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  assert(!result.isError, `${name} answered an error: ${textOf(result).slice(0, 300)}`);
  assert(DEMO_NOTICE.test(textOf(result)), `${name}: no demo-mode notice in ${JSON.stringify(textOf(result).slice(0, 120))}`);
  assert(result.structuredContent && typeof result.structuredContent === "object", `${name}: no structuredContent`);
  return result.structuredContent;
}

function clientFor(era) {
  const options = era === MODERN ? { versionNegotiation: { mode: { pin: MODERN } } } : {};
  return new Client({ name: "batch-mcp-smoke", version: "1.0.0" }, options);
}

function stdioTransport() {
  return new StdioClientTransport({ command: process.execPath, args: [SERVER, "--demo"], env: ENV, stderr: "pipe" });
}

/** `node dist/index.js --http --demo` on a free loopback port; resolves once it says where. */
function startHttp() {
  const child = spawn(process.execPath, [SERVER, "--http", "--demo", "--port", "0"], { env: ENV, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const url = new Promise((resolve, reject) => {
    child.stderr.on("data", (chunk) => {
      stderr += chunk.toString("utf8");
      const match = /serving MCP over Streamable HTTP at (http:\/\/\S+\/mcp)/.exec(stderr);
      if (match) resolve(new URL(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before serving: ${stderr.trim()}`)));
  });
  return { child, url, stderr: () => stderr };
}

console.log(`smoke: Node ${process.version} (${process.platform}-${process.arch}), ${SERVER}`);

// stdio, 2025-11-25 handshake: what every desktop client does today.
const legacy = clientFor("legacy");
await check("stdio 2025-11-25 initialize + tools/list", async () => {
  await legacy.connect(stdioTransport());
  const info = legacy.getServerVersion();
  assert(info?.name === "batch-mcp", `server name ${JSON.stringify(info?.name)}`);
  const { tools } = await legacy.listTools();
  const names = tools.map((t) => t.name);
  for (const tool of TOOLS) assert(names.includes(tool), `tools/list lacks ${tool}: ${names.join(", ")}`);
  return `${info.name} ${info.version}, protocol ${legacy.getNegotiatedProtocolVersion()}, ${names.length} tools`;
});
let firstId;
await check("stdio 2025-11-25 list_orchestrations", async () => {
  const listed = await callTool(legacy, "list_orchestrations", { status: ["running"], max_results: 5 });
  assert(Array.isArray(listed.orchestrations) && listed.orchestrations.length > 0, "no running orchestrations listed");
  firstId = listed.orchestrations[0].id;
  return `${listed.orchestrations.length} running, first ${firstId}`;
});
await check("stdio 2025-11-25 get_orchestration_stats", async () => {
  assert(firstId, "nothing listed to read statistics of");
  const stats = await callTool(legacy, "get_orchestration_stats", { orchestration_id: firstId });
  assert(stats.range && typeof stats.range.days === "number", "no range in the stats result");
  const sent = stats.totals?.sent;
  return `${stats.range.from} to ${stats.range.to}, sent ${sent ?? "n/a"}`;
});
await legacy.close().catch(() => {});

// stdio, 2026-07-28: stateless, server/discover instead of the handshake.
const modern = clientFor(MODERN);
await check("stdio 2026-07-28 discover + list_inapp_campaigns", async () => {
  await modern.connect(stdioTransport());
  const listed = await callTool(modern, "list_inapp_campaigns", { live: true });
  assert(Array.isArray(listed.campaigns), `no campaigns array in ${Object.keys(listed).join(", ")}`);
  return `${listed.campaigns.length} live in-app campaigns, protocol ${modern.getNegotiatedProtocolVersion()}`;
});
await modern.close().catch(() => {});

// Streamable HTTP (remote mode, auth none on loopback), one call in each era.
const http = startHttp();
try {
  const url = await http.url;
  for (const era of [MODERN, "2025-11-25"]) {
    await check(`http ${era} list_orchestrations`, async () => {
      const client = clientFor(era);
      await client.connect(new StreamableHTTPClientTransport(url));
      try {
        const listed = await callTool(client, "list_orchestrations", { status: ["running"], max_results: 3 });
        assert(listed.orchestrations.length > 0, "nothing listed");
        return `${listed.orchestrations.length} running, ${url.host}`;
      } finally {
        await client.close().catch(() => {});
      }
    });
  }
} catch (error) {
  failures++;
  console.log(`FAIL http: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  http.child.kill("SIGTERM");
}

console.log(failures === 0 ? `smoke: all checks passed on Node ${process.version}` : `smoke: ${failures} check(s) failed on Node ${process.version}`);
process.exit(failures === 0 ? 0 : 1);
