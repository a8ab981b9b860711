// Per-step rows of a trigger automation: one table row per message step.

import type { StatsData } from "../shared/data.js";
import { batchText, el } from "../shared/dom.js";
import { count } from "../shared/format.js";

const RATE_COLUMNS = [
  ["open_rate", "Open"],
  ["click_rate", "Click"],
  ["unsubscribe_rate", "Unsub."],
] as const;

export function stepsSection(steps: NonNullable<StatsData["steps"]>): HTMLElement {
  const head = el("tr", {}, el("th", { scope: "col" }, "Step"), el("th", { scope: "col" }, "Sent"), el("th", { scope: "col" }, "Delivered"), ...RATE_COLUMNS.map(([, label]) => el("th", { scope: "col" }, label)));
  const rows = steps.map((s) =>
    el(
      "tr",
      { "data-step": s.step_id },
      el("th", { scope: "row" }, batchText(s.step_name ?? s.step_id ?? "(unnamed step)")),
      el("td", {}, count(s.totals.sent)),
      el("td", {}, count(s.totals.delivered)),
      ...RATE_COLUMNS.map(([key]) => el("td", {}, s.rates[key]?.percent ?? "n/a")),
    ),
  );
  return el("section", { class: "steps" }, el("h2", {}, `By step (${steps.length})`), el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)));
}
