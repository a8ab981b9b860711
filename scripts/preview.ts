// `npm run preview`: both views rendered with the demo workspace (the built server in
// --demo mode) in headless Chromium, written as PNGs to docs/views/ for the README, so
// someone deciding whether to install can see them first.

import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client } from "@modelcontextprotocol/client";
import type { CallToolResult as WireCallToolResult } from "@modelcontextprotocol/client";

type CallToolResult = WireCallToolResult & { structuredContent?: Record<string, unknown> };
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CHROMIUM, launchBrowser, openHost, type Host } from "../test/browser/host-page.js";

const SERVER = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const OUT = fileURLToPath(new URL("../docs/views/", import.meta.url));
const ALL_STATUSES = ["draft", "running", "completed", "stopped"];

interface Item {
  id: string;
  status: string;
}

if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\` (or set BATCH_MCP_CHROMIUM).`);
  process.exit(1);
}

async function save(host: Host, name: string): Promise<void> {
  const frame = host.page.frames()[1];
  if (frame) await host.fitted(frame);
  await host.page.waitForTimeout(100);
  const path = `${OUT}${name}.png`;
  await host.page.locator("iframe").screenshot({ path });
  console.error(`wrote ${path}`);
}

const client = new Client({ name: "batch-mcp-preview", version: "1.0.0" });
await client.connect(new StdioClientTransport({ command: process.execPath, args: [SERVER, "--demo"], stderr: "ignore" }));
const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
const browser = await launchBrowser();
try {
  mkdirSync(OUT, { recursive: true });
  const host = await openHost(browser, { client });
  // Tall enough for the whole timeline: element screenshots past the viewport can miss a repaint.
  await host.page.setViewportSize({ width: 900, height: 1600 });
  const listing = await call("list_orchestrations", { status: ALL_STATUSES });
  const items = (listing.structuredContent?.orchestrations ?? []) as Item[];

  // The first orchestration whose demo figures include an A/B test shows every part of the stats view.
  let stats: CallToolResult | undefined;
  for (const item of items.filter((o) => o.status !== "draft")) {
    const result = await call("get_orchestration_stats", { orchestration_id: item.id, group_by: "day" });
    if (result.structuredContent?.ab) {
      stats = result;
      break;
    }
  }
  if (!stats) throw new Error("no demo orchestration has A/B figures");

  for (const theme of ["light", "dark"] as const) {
    await host.show("ui://batch/stats.html", stats, { theme });
    await host.page.frames()[1]?.locator(".chart[data-points]").waitFor();
    await save(host, `stats-${theme}`);

    const frame = await host.show("ui://batch/timeline.html", listing, { theme });
    const running = items.find((o) => o.status === "running");
    if (running) {
      await frame.locator(`.bar[data-id="${running.id}"]`).click();
      await frame.locator(".detail .tiles").waitFor();
      await frame.locator(`.bar[data-id="${running.id}"]`).hover();
    }
    await save(host, `timeline-${theme}`);
  }
  if (host.errors.length) throw new Error(`the views logged errors:\n${host.errors.join("\n")}`);
} finally {
  await browser.close();
  await client.close();
}
