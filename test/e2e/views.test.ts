// MCP Apps wiring, as a host sees it over stdio: the tools name their views in `_meta`,
// the views read as self-contained HTML, and the results themselves do not change.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestrations } from "../fake-batch/factories.js";
import { startSession, type Session } from "./harness.js";

const MIME = "text/html;profile=mcp-app";
const VIEWS = { get_orchestration_stats: "ui://batch/stats.html", list_orchestrations: "ui://batch/timeline.html" };

describe("MCP Apps views", () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations: makeOrchestrations(3) } });
  });
  afterAll(() => s.close());

  it.each(Object.entries(VIEWS))("%s names its view %s in _meta.ui.resourceUri (and the legacy key)", async (tool, uri) => {
    const { tools } = await s.client.listTools();
    const meta = tools.find((t) => t.name === tool)?._meta;
    expect(meta).toEqual({ ui: { resourceUri: uri }, "ui/resourceUri": uri });
  });

  it("leaves the tools without a view untouched", async () => {
    const { tools } = await s.client.listTools();
    expect(tools.find((t) => t.name === "list_inapp_campaigns")?._meta).toBeUndefined();
  });

  it.each(Object.values(VIEWS))("%s reads as one self-contained HTML document", async (uri) => {
    const { contents } = await s.client.readResource({ uri });
    expect(contents).toHaveLength(1);
    const [content] = contents;
    expect(content?.mimeType).toBe(MIME);
    const html = content && "text" in content ? content.text : "";
    expect(html.startsWith("<!doctype html>")).toBe(true);
    // Everything inline: no script, stylesheet or font from anywhere else.
    expect(/<script[^>]*\ssrc=|<link[^>]*stylesheet|@import|https?:\/\/[^"'\s)]*\.(js|css|woff2?)\b/i.test(html)).toBe(false);
  });

  it("keeps the tool results hosts without Apps receive: text first, structuredContent, no UI blocks", async () => {
    const result = await s.call("list_orchestrations", { status: ["draft", "running", "completed", "stopped"] });
    expect(result.content[0]?.type).toBe("text");
    expect(result.content.every((c) => c.type === "text" || c.type === "resource_link")).toBe(true);
    expect(result.structuredContent?.returned).toBe(3);
  });
});
