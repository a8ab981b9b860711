// A comparison result (compare_orchestrations): its ranked rows as horizontal bars, the
// label and figure as text beside each bar, longest bar = best value.

import type { CompareRow } from "../shared/data.js";
import { el } from "../shared/dom.js";
import { rateLabel } from "../shared/format.js";

function label(row: CompareRow): string {
  return row.name ?? row.handle ?? row.orchestration_id ?? "(unnamed)";
}

export function compareSection(rows: readonly CompareRow[], rate?: string): HTMLElement {
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
  const items = rows.map((row, rank) => {
    const width = max > 0 && row.value ? (row.value / max) * 100 : 0;
    return el(
      "li",
      { class: "rank" },
      el("span", { class: "rank-label" }, `${rank + 1}. ${label(row)}`),
      el("span", { class: "rank-track", "aria-hidden": "true" }, el("span", { class: "rank-bar", style: `width:${width.toFixed(1)}%` })),
      el("span", { class: "rank-value" }, row.percent ?? "n/a"),
    );
  });
  return el("section", { class: "compare" }, el("h2", {}, rate ? `Ranked by ${rateLabel(rate).toLowerCase()}` : "Ranked"), el("ol", { class: "ranks" }, ...items));
}
