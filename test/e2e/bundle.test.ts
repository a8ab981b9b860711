// What `npm run build` ships: an executable launcher, one server bundle, and the code that
// `initialize` does not need kept out of that bundle (loaded from dist/chunks on first use).
// A static import of one of these would silently slow every start; this catches it.

import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_ENTRY } from "./harness.js";

const dist = join(SERVER_ENTRY, "..");
const read = (file: string) => readFileSync(join(dist, file), "utf8");

/** Chunk -> a marker of its code, which must appear in the chunk and not in the bundle. */
const LAZY: Record<string, string> = {
  // Bundled CommonJS modules keep their path as a key.
  "undici.cjs": "node_modules/undici/lib/",
  // SDK v2 inlines Ajv in its own dist: one of its messages marks it.
  "ajv.cjs": "ajv implementation error",
  "fake-batch.cjs": "function startFakeBatch",
  "audit.cjs": "AUDIT_RULES",
  // Remote mode: Express, jose and the SDK's HTTP transport, for --http only.
  "http.cjs": "node_modules/express/",
};

describe("build output", () => {
  it("dist/index.js is an executable CommonJS launcher", () => {
    expect(read("index.js").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(JSON.parse(read("package.json"))).toEqual({ type: "commonjs" });
  });

  it.each(Object.entries(LAZY))("%s is loaded lazily, not bundled into server.cjs", (chunk, marker) => {
    const bundle = read("server.cjs");
    // Booleans, not toContain: a failure must not print a megabyte of bundle.
    expect(read(`chunks/${chunk}`).includes(marker), `chunk lacks ${marker}`).toBe(true);
    expect(bundle.includes(marker), `server.cjs contains ${marker}`).toBe(false);
    expect(bundle.includes(`require("./chunks/${chunk}")`), "server.cjs does not load the chunk").toBe(true);
  });

  // The MCP Apps views: read from dist/views on first resources/read, never part of start-up.
  it.each(["stats.html", "timeline.html"])("views/%s is built beside the server and not bundled into it", (view) => {
    const html = read(`views/${view}`);
    expect(html.includes("ui/initialize"), "the view lacks ext-apps' App").toBe(true);
    expect(read("server.cjs").includes("ui/initialize"), "server.cjs contains the App protocol").toBe(false);
  });

  it.each(["stats.html", "timeline.html"])("views/%s stays within 800 kB raw and 200 kB gzipped", (view) => {
    const raw = statSync(join(dist, "views", view)).size;
    expect(raw).toBeLessThanOrEqual(800_000);
    expect(gzipSync(read(`views/${view}`)).length).toBeLessThanOrEqual(200_000);
  });
});
