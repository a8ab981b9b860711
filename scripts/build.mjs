// `npm run build`, second half: bundle the server with esbuild so that start-up loads a
// handful of files instead of resolving hundreds of modules (tsc's output in build/ stays
// for development). Code that `initialize` does not need sits behind dynamic import() and
// lands in dist/chunks/, loaded on first use.

import { build } from "esbuild";
import { chmodSync, rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });

const result = await build({
  entryPoints: { index: "src/index.ts" },
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.18",
  sourcemap: "linked",
  legalComments: "linked",
  logLevel: "warning",
  metafile: true,
  // Bundled CommonJS dependencies call require(); ESM output has none, so give them one.
  banner: {
    js: [
      'import { createRequire as __batchMcpCreateRequire } from "node:module";',
      "const require = __batchMcpCreateRequire(import.meta.url);",
    ].join("\n"),
  },
});
chmodSync("dist/index.js", 0o755);
if (process.env.BUILD_ANALYZE) console.error(await (await import("esbuild")).analyzeMetafile(result.metafile));
