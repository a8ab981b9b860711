#!/usr/bin/env node
// dist/index.js: runs the bundled server (dist/server.cjs) through a V8 code cache, so a
// warm start skips parsing and compiling the bundle. Node 20 has no module compile cache
// (module.enableCompileCache is Node 22+), but vm.Script takes and produces cachedData.
// Safe fallback: a missing, unreadable or rejected cache (other Node/V8 version, changed
// bundle) just means a normal compile, and a fresh cache is written for next time.
// Only Node built-ins here: this file must stay tiny.

import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const dir = dirname(fileURLToPath(import.meta.url));
const bundle = join(dir, "server.cjs");
// V8 rejects a cache made by another version anyway; the name keeps versions from
// overwriting each other's cache when several Node installs share the package.
const cacheFile = join(dir, `server.cjs.${process.version}-${process.arch}.cache`);
/** How long after start-up to write the cache: late enough to include the functions the
 *  first requests compiled, early enough that short-lived runs (tests, clients) leave one. */
const WRITE_CACHE_AFTER_MS = 1500;

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(script: vm.Script): void {
  try {
    // Write then rename: concurrent starts never read a half-written file.
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // A read-only install directory only costs the speed-up.
  }
}

const cachedData = readCache();
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, "utf8")}\n})`, {
  filename: bundle,
  ...(cachedData && { cachedData }),
});
const module: { exports: { main?: () => Promise<void> } } = { exports: {} };
const wrapper = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
wrapper(module.exports, createRequire(bundle), module, bundle, dir);
await module.exports.main?.();
if (!cachedData || script.cachedDataRejected) setTimeout(() => writeCache(script), WRITE_CACHE_AFTER_MS).unref();
