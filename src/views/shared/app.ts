// Connects a view to its host with ext-apps' App: theme, host styles and fonts, automatic
// size reports, and each tool result handed to `render`. Handlers are set before
// connecting, since the host may send the result right after the handshake.

import "./jitless.js";
import { App, applyDocumentTheme, applyHostFonts, applyHostStyleVariables, type McpUiHostContext } from "@modelcontextprotocol/ext-apps";
import { el, replace } from "./dom.js";

/** Draws a result; `input` holds the tool call's arguments when the host sent them. */
export type Render = (structured: unknown, app: App, input: Record<string, unknown>) => void;

function applyContext(context: McpUiHostContext): void {
  if (context.theme) applyDocumentTheme(context.theme);
  if (context.styles?.variables) applyHostStyleVariables(context.styles.variables);
  if (context.styles?.css?.fonts) applyHostFonts(context.styles.css.fonts);
}

export function message(text: string, kind: "empty" | "error" = "empty"): HTMLElement {
  return el("p", { class: `message ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

export function startView(name: string, root: HTMLElement, render: Render): App {
  const app = new App({ name: `batch-mcp ${name} view`, version: "0.1.0" }, {}, { autoResize: true });
  let last: unknown;
  let input: Record<string, unknown> = {};
  const draw = () => render(last, app, input);
  app.ontoolinput = (params) => {
    input = params.arguments ?? {};
  };
  app.ontoolresult = (result) => {
    if (result.isError) {
      const text = result.content?.map((c) => (c.type === "text" ? c.text : "")).join(" ") ?? "";
      replace(root, message(text || "The tool reported an error.", "error"));
      return;
    }
    last = result.structuredContent;
    draw();
  };
  app.onhostcontextchanged = (context) => {
    applyContext(context);
    // Charts draw colours into pixels: redraw them in the new theme.
    if (context.theme && last !== undefined) draw();
  };
  app.onteardown = async () => ({});
  app
    .connect()
    .then(() => applyContext(app.getHostContext() ?? {}))
    .catch((error: unknown) => replace(root, message(`Could not connect to the host: ${String(error)}`, "error")));
  return app;
}
