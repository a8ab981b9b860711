// Browser tests: Debian's Chromium driven by playwright-core (no browser download), one
// browser per test file. The page is the test host (host/host.ts); views come from the
// built server's resources/read and results from its tools, as a real host gets them.
// No Chromium: CI (CI=true) fails, a developer machine skips and says how to install it.

import { build } from "esbuild";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import type { CallToolRequest, CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, it } from "vitest";
import { SERVER_ENTRY, type Session } from "../e2e/harness.js";

export const CHROMIUM = process.env.BATCH_MCP_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const INSTALL = "apt-get install -y chromium";
export const ARTIFACTS = join(SERVER_ENTRY, "..", "..", "test-artifacts");

/** `describe`, or in its place a failure in CI / a skip with the install command elsewhere. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () => it(`needs Chromium at ${CHROMIUM}`, () => {
      throw new Error(`Chromium is missing at ${CHROMIUM}; install it with \`${INSTALL}\` (.ci/run does when root).`);
    }));
  } else {
    process.stderr.write(`browser tests skipped: no Chromium at ${CHROMIUM}. Install it with \`sudo ${INSTALL}\`.\n`);
    describe.skip(name, body);
  }
}

let hostScript: Promise<string> | undefined;
function bundleHost(): Promise<string> {
  hostScript ??= build({
    entryPoints: [join(import.meta.dirname, "host", "host.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "warning",
  }).then((r) => r.outputFiles.map((f) => f.text).join(""));
  return hostScript;
}

export interface Host {
  page: Page;
  /** Tool calls the views made through the bridge, in order. */
  calls: CallToolRequest["params"][];
  /** Console errors and uncaught exceptions, from the host page and the views. */
  errors: string[];
  /** Loads `uri` from the server into a fresh sandboxed iframe and sends it `result`. */
  show(uri: string, result: CallToolResult, options?: { theme?: "light" | "dark"; input?: Record<string, unknown> }): Promise<Frame>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export async function openHost(browser: Browser, session: Session): Promise<Host> {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const calls: Host["calls"] = [];
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.exposeFunction("callServerTool", async (params: CallToolRequest["params"]) => {
    calls.push(params);
    return session.client.callTool(params);
  });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><script>${await bundleHost()}</script></body></html>`);
  return {
    page,
    calls,
    errors,
    async show(uri, result, { theme = "light", input = {} } = {}) {
      await page.emulateMedia({ colorScheme: theme });
      const { contents } = await session.client.readResource({ uri });
      const html = contents[0] && "text" in contents[0] ? contents[0].text : "";
      // Runs in the page: host/host.ts defined showView there.
      type HostPage = { showView(html: string, result: CallToolResult, options: { theme: string; input: Record<string, unknown> }): Promise<void> };
      await page.evaluate(([h, r, o]) => (globalThis as unknown as HostPage).showView(h, r, o), [html, result, { theme, input }] as const);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      if (!frame) throw new Error("the view's iframe did not load");
      return frame;
    },
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    close: () => page.close(),
  };
}
