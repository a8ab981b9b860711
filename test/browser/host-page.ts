// The test host page in Debian's Chromium, driven by playwright-core (no browser download):
// shared by the browser tests, the benchmark and `npm run preview`. The page runs
// host/host.ts; views come from the built server's resources/read and results from its
// tools, as a real host gets them.

import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import type { Client, CallToolRequest, CallToolResult } from "@modelcontextprotocol/client";
import { SERVER_ENTRY } from "../e2e/harness.js";

/** What the page needs of a server session: the SDK client connected to it. */
interface ServerSession {
  client: Client;
}

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
const ROOT = join(SERVER_ENTRY, "..", "..");
export const ARTIFACTS = join(ROOT, "test-artifacts");

let hostScript: Promise<string> | undefined;
function bundleHost(): Promise<string> {
  hostScript ??= build({
    entryPoints: [join(ROOT, "test", "browser", "host", "host.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "warning",
  }).then((r) => r.outputFiles.map((f) => f.text).join(""));
  return hostScript;
}

export interface ShowOptions {
  theme?: "light" | "dark";
  input?: Record<string, unknown>;
}

/** host/host.ts's functions, as page.evaluate sees them. */
interface HostPage {
  loadView(html: string, options: { theme: string; input: Record<string, unknown> }): Promise<void>;
  sendResult(result: CallToolResult): Promise<void>;
}

export interface Host {
  page: Page;
  /** Tool calls the views made through the bridge, in order. */
  calls: CallToolRequest["params"][];
  /** Console errors and uncaught exceptions, from the host page and the views. */
  errors: string[];
  /** Loads `uri` from the server into a fresh sandboxed iframe and sends it `result`. */
  show(uri: string, result: CallToolResult, options?: ShowOptions): Promise<Frame>;
  /** Loads `uri` and sends the input only; `send` delivers the result later. */
  load(uri: string, options?: ShowOptions): Promise<Frame>;
  send(result: CallToolResult): Promise<void>;
  /** Waits until the iframe has grown to the view's content (size-changed notifications). */
  fitted(frame: Frame): Promise<void>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export async function openHost(browser: Browser, session: ServerSession, artifacts: string = ARTIFACTS): Promise<Host> {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const calls: Host["calls"] = [];
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.exposeFunction("callServerTool", async (params: CallToolRequest["params"]) => {
    calls.push(params);
    return session.client.callTool(params) as Promise<CallToolResult>;
  });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><script>${await bundleHost()}</script></body></html>`);
  const load: Host["load"] = async (uri, { theme = "light", input = {} } = {}) => {
    await page.emulateMedia({ colorScheme: theme });
    const { contents } = await session.client.readResource({ uri });
    const html = contents[0] && "text" in contents[0] ? contents[0].text : "";
    await page.evaluate(([h, o]) => (globalThis as unknown as HostPage).loadView(h, o), [html, { theme, input }] as const);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (!frame) throw new Error("the view's iframe did not load");
    return frame;
  };
  const send: Host["send"] = (result) => page.evaluate((r) => (globalThis as unknown as HostPage).sendResult(r), result);
  return {
    page,
    calls,
    errors,
    load,
    send,
    async show(uri, result, options) {
      const frame = await load(uri, options);
      await send(result);
      return frame;
    },
    async fitted(frame) {
      type Doc = { document: { documentElement: { scrollHeight: number } } };
      for (;;) {
        const wanted = await frame.evaluate(() => (globalThis as unknown as Doc).document.documentElement.scrollHeight);
        const height = await page.locator("iframe").evaluate((f) => (f as unknown as { clientHeight: number }).clientHeight);
        if (height >= wanted) return;
        await page.waitForTimeout(50);
      }
    },
    async screenshot(name) {
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
    },
    close: () => page.close(),
  };
}
