// Where the built views are: dist/views/, beside the server bundle. Read on the first
// resources/read of a view and kept, so stdio start-up never touches them.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** dist/views. In the bundle (CommonJS run by the launcher) `__dirname` is dist/; the
 *  unbundled ES module output (build/, tests) finds dist/ from its own location. */
export function viewsDir(): string {
  if (typeof __dirname === "string") return join(__dirname, "views");
  return fileURLToPath(new URL("../../../dist/views/", import.meta.url));
}

const cache = new Map<string, Promise<string>>();

export function readView(file: string, dir: string = viewsDir()): Promise<string> {
  const path = join(dir, file);
  let html = cache.get(path);
  if (!html) {
    html = readFile(path, "utf8");
    // A failed read (view not built) is retried next time rather than remembered.
    html.catch(() => cache.delete(path));
    cache.set(path, html);
  }
  return html;
}
