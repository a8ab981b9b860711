// The MCP Apps views: each src/views/<name>/main.ts bundled for the browser (minified,
// script and styles inline) into one self-contained dist/views/<name>.html. Nothing is
// loaded from the network, so hosts need no CSP exceptions. The server reads these files
// on the first resources/read of ui://batch/<name>.html, never at start-up.

import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const VIEWS = { stats: "Orchestration statistics", timeline: "Orchestration timeline" };

/** Keeps `</script` inside the script from closing the element early. */
const inlineScript = (js) => js.replace(/<\/script/gi, "<\\/script");

export async function bundleView(name) {
  const result = await build({
    entryPoints: [`src/views/${name}/main.ts`],
    bundle: true,
    platform: "browser",
    format: "iife",
    // What current Claude, ChatGPT and VS Code webviews run; keeps class fields native.
    target: ["chrome111", "firefox115", "safari16.4"],
    minify: true,
    legalComments: "none",
    write: false,
    outdir: "out",
    logLevel: "warning",
  });
  const text = (ext) => result.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${VIEWS[name]}</title><style>${text(".css")}</style></head><body><main id="app"><p class="message empty" role="status">Waiting for the result…</p></main><script>${inlineScript(text(".js"))}</script></body></html>\n`;
}

export async function buildViews(outDir = "dist/views") {
  mkdirSync(outDir, { recursive: true });
  for (const name of Object.keys(VIEWS)) writeFileSync(join(outDir, `${name}.html`), await bundleView(name));
}
