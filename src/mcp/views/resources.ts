// The views as resources: ui://batch/<view>.html, MIME type text/html;profile=mcp-app, one
// self-contained HTML file each (script and styles inline, nothing from the network, so
// no CSP domains to declare).

import { ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server";
import type { McpServer } from "@modelcontextprotocol/server";
import { readView } from "./files.js";
import { APP_RESOURCE_MIME_TYPE, VIEWS } from "./ui.js";

export function registerViewResources(server: McpServer): void {
  for (const [name, view] of Object.entries(VIEWS)) {
    const metadata = { title: view.title, description: view.description, mimeType: APP_RESOURCE_MIME_TYPE };
    server.registerResource(`view-${name}`, view.uri, metadata, async (uri) => {
      let html: string;
      try {
        html = await readView(view.file);
      } catch {
        throw new ProtocolError(ProtocolErrorCode.InternalError, `The ${view.title} is missing from this install (dist/views/${view.file}); rebuild with npm run build.`);
      }
      return { contents: [{ uri: uri.href, mimeType: APP_RESOURCE_MIME_TYPE, text: html, _meta: { ui: { prefersBorder: true } } }] };
    });
  }
}
