// The test host page: what Claude or VS Code do with a view, on ext-apps' AppBridge. The
// view runs in a sandboxed iframe (opaque origin, scripts only); its tool calls go to
// window.callServerTool, which the test wires to the real server over stdio.

import { AppBridge, PostMessageTransport, type McpUiHostContext } from "@modelcontextprotocol/ext-apps/app-bridge";
import type { CallToolRequest, CallToolResult } from "@modelcontextprotocol/server";

export interface ShowOptions {
  theme: "light" | "dark";
  input: Record<string, unknown>;
}

declare global {
  interface Window {
    callServerTool(params: CallToolRequest["params"]): Promise<CallToolResult>;
    /** Loads the view and sends it the tool's input: what a host does when the call starts. */
    loadView(html: string, options: ShowOptions): Promise<void>;
    /** Sends the tool result to the loaded view. */
    sendResult(result: CallToolResult): Promise<void>;
    showView(html: string, result: CallToolResult, options: ShowOptions): Promise<void>;
  }
}

let current: AppBridge | undefined;

window.loadView = async (html, { theme, input }) => {
  document.querySelector("iframe")?.remove();
  document.documentElement.style.colorScheme = theme;
  document.body.style.background = theme === "dark" ? "#0f1012" : "#ffffff";
  const iframe = document.createElement("iframe");
  iframe.setAttribute("sandbox", "allow-scripts");
  iframe.style.cssText = "width: 880px; height: 200px; border: 0; display: block;";
  document.body.appendChild(iframe);
  const view = iframe.contentWindow;
  if (!view) throw new Error("the iframe has no window");

  const hostContext: McpUiHostContext = { theme, displayMode: "inline", locale: "en-US", platform: "web", containerDimensions: { maxHeight: 6000, width: 880 } };
  const bridge = new AppBridge(null, { name: "batch-mcp-test-host", version: "1.0.0" }, { serverTools: {} }, { hostContext });
  bridge.oncalltool = (params) => window.callServerTool(params);
  bridge.onsizechange = ({ height }) => {
    if (height !== undefined) iframe.style.height = `${height}px`;
  };
  const initialized = new Promise<void>((resolve) => (bridge.oninitialized = () => resolve()));
  // Listen before the view loads: its ui/initialize is the first thing it sends.
  await bridge.connect(new PostMessageTransport(view, view));
  iframe.srcdoc = html;
  await initialized;
  await bridge.sendToolInput({ arguments: input });
  current = bridge;
};

window.sendResult = async (result) => {
  if (!current) throw new Error("no view loaded");
  await current.sendToolResult(result);
};

window.showView = async (html, result, options) => {
  await window.loadView(html, options);
  await window.sendResult(result);
};
