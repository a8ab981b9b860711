// The launcher's V8 code cache is an optimisation only: a missing, corrupt or foreign
// cache must still start the server, and the launcher replaces it with a good one.
// Runs on a copy of dist/ so the real cache is left alone.

import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client } from "@modelcontextprotocol/client";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SERVER_ENTRY } from "./harness.js";

const dist = join(SERVER_ENTRY, "..");
const cacheName = `server.cjs.${process.version}-${process.arch}.cache`;
let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function listToolsFrom(entry: string): Promise<string[]> {
  const client = new Client({ name: "code-cache-test", version: "1.0.0" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [entry], env: { PATH: process.env.PATH ?? "" }, stderr: "ignore" }));
  try {
    return (await client.listTools()).tools.map((t) => t.name);
  } finally {
    await client.close(); // stdin closes; the launcher writes its cache on the way out
  }
}

describe("code cache", () => {
  it.each([
    ["missing", undefined],
    ["corrupt", Buffer.from("not a V8 code cache")],
  ])("starts with a %s cache and leaves a valid one", async (_label, content) => {
    dir = mkdtempSync(join(tmpdir(), "batch-mcp-cache-"));
    cpSync(dist, dir, { recursive: true, filter: (source) => !source.endsWith(".cache") });
    const cacheFile = join(dir, cacheName);
    if (content) writeFileSync(cacheFile, content);

    expect(await listToolsFrom(join(dir, "index.js"))).toContain("list_orchestrations");
    await expect.poll(() => readdirSync(dir ?? "").includes(cacheName) && readFileSync(cacheFile).length > 1000, { timeout: 5000 }).toBe(true);
    // And the next start, from the cache it wrote, works too.
    expect(await listToolsFrom(join(dir, "index.js"))).toContain("list_orchestrations");
  });
});
