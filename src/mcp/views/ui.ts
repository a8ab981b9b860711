// MCP Apps (the io.modelcontextprotocol/ui extension): which tool shows which view, and the
// `_meta` a tool declares for it. Hosts without Apps ignore `_meta` and keep reading the
// text and structuredContent, which do not change.
//
// This mirrors what @modelcontextprotocol/ext-apps/server's registerAppTool and
// registerAppResource add (test/unit/views-meta.test.ts pins it against them) instead of
// importing them: that module builds the whole App protocol's zod schemas when loaded,
// about 12 ms on every stdio start for two object spreads.

export const APP_RESOURCE_MIME_TYPE = "text/html;profile=mcp-app";
/** The key older hosts read; registerAppTool sets it beside `ui.resourceUri`. */
export const LEGACY_RESOURCE_URI_KEY = "ui/resourceUri";

export interface ViewSpec {
  /** File name under dist/views/, e.g. "stats.html". */
  file: string;
  uri: string;
  title: string;
  description: string;
}

export const VIEWS = {
  stats: {
    file: "stats.html",
    uri: "ui://batch/stats.html",
    title: "Orchestration statistics view",
    description: "Rate tiles, the daily series as a chart, A/B versions with their verdict and per-step rows for one orchestration's statistics.",
  },
  timeline: {
    file: "timeline.html",
    uri: "ui://batch/timeline.html",
    title: "Orchestration timeline view",
    description: "Listed orchestrations as bars from start to end, coloured by channel and grouped by status; a click shows one's statistics.",
  },
} as const satisfies Record<string, ViewSpec>;

export type ViewName = keyof typeof VIEWS;

/** The tool `_meta` that names a view: what registerAppTool registers for `{ ui: { resourceUri } }`. */
export function appToolMeta(view: ViewName): Record<string, unknown> {
  const resourceUri = VIEWS[view].uri;
  return { ui: { resourceUri }, [LEGACY_RESOURCE_URI_KEY]: resourceUri };
}
