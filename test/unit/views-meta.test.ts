// The server mirrors ext-apps' registerAppTool instead of loading it at start-up
// (src/mcp/views/ui.ts). This keeps the mirror honest: same _meta, same MIME type.

import { RESOURCE_MIME_TYPE, registerAppTool } from "@modelcontextprotocol/ext-apps/server";
import type { McpServer } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { APP_RESOURCE_MIME_TYPE, appToolMeta, VIEWS, type ViewName } from "../../src/mcp/views/ui.js";

function metaFromExtApps(resourceUri: string): unknown {
  let captured: unknown;
  const server = {
    registerTool: (_name: string, config: { _meta?: unknown }) => {
      captured = config._meta;
      return undefined as unknown as ReturnType<McpServer["registerTool"]>;
    },
  } as Pick<McpServer, "registerTool">;
  registerAppTool(server, "tool", { _meta: { ui: { resourceUri } } }, async () => ({ content: [] }));
  return captured;
}

describe("MCP Apps metadata", () => {
  it.each(Object.keys(VIEWS) as ViewName[])("the %s view's tool _meta is what registerAppTool registers", (view) => {
    expect(appToolMeta(view)).toEqual(metaFromExtApps(VIEWS[view].uri));
  });

  it("serves views with ext-apps' MIME type", () => {
    expect(APP_RESOURCE_MIME_TYPE).toBe(RESOURCE_MIME_TYPE);
  });

  it("names every view under ui://batch/", () => {
    for (const view of Object.values(VIEWS)) expect(view.uri).toBe(`ui://batch/${view.file}`);
  });
});
