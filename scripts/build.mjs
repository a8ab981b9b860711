// `npm run build`: tsc's unbundled output in build/ (for development and the benchmark), then
//  - dist/server.cjs: the server bundled with esbuild, so start-up reads one file instead
//    of resolving hundreds of modules. CommonJS because the code-cache launcher runs it
//    through vm.Script (Node 20 cannot cache ES modules).
//  - dist/chunks/<name>.cjs: code `initialize` does not need (HTTP stack, demo workspace, audit rules, Ajv),
//    bundled apart and loaded by the source's own `import()` on first use.
//  - dist/views/<name>.html: the MCP Apps views, one self-contained file each (scripts/build-views.mjs).
//  - dist/index.js: src/launch.cts (CommonJS, see dist/package.json), the executable that runs server.cjs with a V8 code cache.
// Then one start-up writes the code cache for this machine's Node.

import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { buildViews } from "./build-views.mjs";

/** Modules imported lazily (by dynamic import()) that get their own file. */
const LAZY = {
  undici: "undici",
  "fake-batch": resolve("src/fake-batch/index.ts"),
  audit: resolve("src/insights/audit.ts"),
  http: resolve("src/http/serve.ts"),
};

/** The SDK's Node shim imports its Ajv validator statically; Ajv is the slowest module to load
 *  and this server validates JSON Schema only for answers it never asks for (elicitation).
 *  This stands in for the shim and loads the real validator, from its chunk, on first use. */
const NODE_SHIM = resolve("node_modules/@modelcontextprotocol/server/dist/shimsNode.mjs");
const AJV_ENTRY = resolve("node_modules/@modelcontextprotocol/server/dist/validators/ajv.mjs");
const SHIM_STANDIN = `
import process from "node:process";
let provider;
export class DefaultJsonSchemaValidator {
  constructor(ajv) { this.inner = new (provider ??= require("./chunks/ajv.cjs")).AjvJsonSchemaValidator(ajv); }
  getValidator(schema) { return this.inner.getValidator(schema); }
}
export { process };`;

const deferAjv = {
  name: "defer-ajv",
  setup(b) {
    b.onResolve({ filter: /^\.\/chunks\// }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /shimsNode\.mjs$/ }, (args) => (args.path === NODE_SHIM ? { contents: SHIM_STANDIN, loader: "js", resolveDir: dirname(NODE_SHIM) } : undefined));
  },
};

const common = {
  bundle: true,
  platform: "node",
  target: "node20.18",
  format: "cjs",
  logLevel: "warning",
  legalComments: "none",
  // Less to read and hash at start-up; identifiers stay, so stack traces keep their names.
  minifyWhitespace: true,
  minifySyntax: true,
  // Turns import() into require(): vm.Script code has no ES module loader.
  supported: { "dynamic-import": false },
  // src/mcp/views/files.ts reads import.meta only where __dirname is missing (unbundled ES modules).
  logOverride: { "empty-import-meta": "silent" },
};

/** Points imports of a lazy module at its chunk instead of bundling it in. */
const lazyChunks = (except) => ({
  name: "lazy-chunks",
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === "lazy-chunks" || args.kind === "entry-point") return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "lazy-chunks" });
      for (const [name, target] of Object.entries(LAZY)) {
        if (name !== except && (args.path === target || resolved.path.replace(/\.js$/, ".ts") === target)) {
          return { path: `./chunks/${name}.cjs`, external: true };
        }
      }
      return undefined;
    });
  },
});

rmSync("dist", { recursive: true, force: true });
// `--bundle-only` (npm test, right after its type-check): no unbundled build/, which only the
// benchmark and development use; the type-check has already compiled everything once.
if (!process.argv.includes("--bundle-only")) {
  rmSync("build", { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
await build({ ...common, entryPoints: ["src/main.ts"], outfile: "dist/server.cjs", plugins: [deferAjv, lazyChunks()] });
await build({ ...common, entryPoints: [AJV_ENTRY], outfile: "dist/chunks/ajv.cjs" });
for (const [name, target] of Object.entries(LAZY)) {
  // Chunks sit in dist/chunks but resolve each other from there too.
  await build({ ...common, entryPoints: [target], outfile: `dist/chunks/${name}.cjs`, plugins: [lazyChunks(name)] });
}
await build({ ...common, entryPoints: ["src/launch.cts"], outfile: "dist/index.js" });
// The package is "type": "module"; this makes dist/*.js CommonJS, which starts faster.
writeFileSync("dist/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
chmodSync("dist/index.js", 0o755);
// The MCP Apps views: self-contained HTML the server reads on first use (scripts/build-views.mjs).
await buildViews();

// Warm the code cache: one start that answers `initialize` and then lingers long enough
// for the launcher to write it. Failure here is not a build failure (no cache = slower).
const initialize = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "build", version: "1" } },
});
spawnSync(process.execPath, ["-e", `
  const p = require("node:child_process").spawn(process.execPath, ["dist/index.js"], { stdio: ["pipe", "pipe", "inherit"] });
  p.stdin.write(${JSON.stringify(initialize + "\n")});
  p.stdout.once("data", () => setTimeout(() => p.kill(), 2500));
  setTimeout(() => p.kill(), 10000);
`], { stdio: "inherit", env: { PATH: process.env.PATH } });
