#!/usr/bin/env node
// dist/index.js: runs the bundled server (dist/server.cjs) through a V8 code cache, so a
// warm start skips parsing and compiling the bundle. Node 20 has no module compile cache
// (module.enableCompileCache is Node 22+), but vm.Script takes and produces cachedData.
// Safe fallback: a missing, unreadable or rejected cache (other Node/V8 version, changed
// bundle) just means a normal compile, and a fresh cache is written for next time.
// Only Node built-ins here: this file must stay tiny.

// CommonJS (dist/package.json says so): Node's ES module loader alone costs more start-up
// time than the cache saves on a small machine.
import fs = require("node:fs");
import path = require("node:path");
import vm = require("node:vm");

const dir = __dirname;
const bundle = path.join(dir, "server.cjs");
// V8 rejects a cache made by another version anyway; the name keeps versions from
// overwriting each other's cache when several Node installs share the package.
const cacheFile = path.join(dir, `server.cjs.${process.version}-${process.arch}.cache`);
/** How long after start-up to write the cache: late enough to include the functions the
 *  first requests compiled, early enough that short-lived runs (tests, clients) leave one. */
const WRITE_CACHE_AFTER_MS = 1500;

/** BATCH_MCP_CODE_CACHE=0 turns the cache off (troubleshooting; the benchmark's baseline). */
const enabled = process.env.BATCH_MCP_CODE_CACHE !== "0";

function readCache(): Buffer | undefined {
  if (!enabled) return undefined;
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(script: vm.Script): void {
  try {
    // Write then rename: concurrent starts never read a half-written file.
    const temp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cacheFile);
  } catch {
    // A read-only install directory only costs the speed-up.
  }
}

const cachedData = readCache();
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(bundle, "utf8")}\n})`, {
  filename: bundle,
  ...(cachedData && { cachedData }),
});
const wrapper = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
const loaded: { exports: { main?: () => Promise<void> } } = { exports: {} };
wrapper(loaded.exports, require, loaded, bundle, dir);
loaded.exports.main?.().then(
  () => {
    if (!enabled || (cachedData && !script.cachedDataRejected)) return;
    // Whichever comes first: the timer, or a short run ending (fs calls are fine in "exit").
    const write = () => {
      clearTimeout(timer);
      process.off("exit", write);
      writeCache(script);
    };
    const timer = setTimeout(write, WRITE_CACHE_AFTER_MS).unref();
    process.once("exit", write);
  },
  (error: unknown) => {
    process.stderr.write(`[batch-mcp] error: could not start: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
