// The timeline view (ui://batch/timeline.html) for list_orchestrations results. Clicking a
// bar asks the host to call get_orchestration_stats for it and shows the rate tiles.

import type { App } from "@modelcontextprotocol/ext-apps";
import { message, startView } from "../shared/app.js";
import { isListing, isStats } from "../shared/data.js";
import { batchText, el, replace } from "../shared/dom.js";
import { day } from "../shared/format.js";
import { tiles } from "../shared/tiles.js";
import "../shared/base.css";
import type { Bar } from "./layout.js";
import { projectArgs } from "./project.js";
import { renderTimeline } from "./render.js";
import "./timeline.css";

const root = document.getElementById("app") ?? document.body;

async function showStats(app: App, detail: HTMLElement, bar: Bar, projectKey: unknown): Promise<void> {
  const heading = el("h2", {}, "Statistics: ", batchText(bar.item.name));
  replace(detail, heading, message("Asking for the last 30 days…"));
  try {
    const project = projectArgs(bar.item.uri, projectKey);
    const result = await app.callServerTool({ name: "get_orchestration_stats", arguments: { orchestration_id: bar.item.id, ...project } });
    const stats = result.structuredContent;
    if (result.isError || !isStats(stats)) {
      const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join(" ");
      replace(detail, heading, message(text || "No statistics came back.", "error"));
      return;
    }
    const range = el("p", { class: "subtitle" }, `${day(stats.range.from)} – ${day(stats.range.to)}`);
    replace(detail, heading, range, stats.has_figures && stats.totals.sent ? tiles(stats) : message("Nothing was sent in this range."));
  } catch (error) {
    replace(detail, heading, message(`The host could not call get_orchestration_stats: ${String(error)}`, "error"));
  }
}

startView("timeline", root, (structured, app, input) => {
  if (!isListing(structured)) {
    replace(root, message("This result carries no orchestrations to place on a timeline."));
    return;
  }
  const detail: HTMLElement = renderTimeline(root, structured, Date.now(), (bar) => void showStats(app, detail, bar, input.project_key));
});
