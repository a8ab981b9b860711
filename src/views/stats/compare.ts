// A comparison result (compare_orchestrations): its ranked rows as horizontal bars, the
// name and figure as text beside each bar (the figure exactly as structuredContent has it),
// longest bar = highest value, which is the rank order whatever the metric.

import type { CompareRow, ComparisonData } from "../shared/data.js";
import { batchText, el } from "../shared/dom.js";
import { count, handleOf, rateLabel } from "../shared/format.js";

const COUNTS = ["sent", "delivered"];

function figure(row: CompareRow, rankBy: string): string {
  return COUNTS.includes(rankBy) ? count(row.totals?.[rankBy]) : (row.rates?.[rankBy]?.percent ?? "n/a");
}

function heading(rankBy: string): string {
  return COUNTS.includes(rankBy) ? `Ranked by ${rankBy}` : `Ranked by ${rateLabel(rankBy).toLowerCase()}`;
}

export function compareSection(data: ComparisonData): HTMLElement {
  const max = Math.max(0, ...data.rows.map((r) => r.value ?? 0));
  const items = data.rows.map((row, i) => {
    const width = max > 0 && row.value ? (row.value / max) * 100 : 0;
    return el(
      "li",
      { class: "rank", "data-id": row.id },
      el("span", { class: "rank-label", title: handleOf(row) }, `${row.rank ?? i + 1}. `, row.name === undefined ? handleOf(row) : batchText(row.name)),
      el("span", { class: "rank-track", "aria-hidden": "true" }, el("span", { class: "rank-bar", style: `width:${width.toFixed(1)}%` })),
      el("span", { class: "rank-value" }, figure(row, data.rank_by)),
    );
  });
  const body = items.length ? el("ol", { class: "ranks" }, ...items) : el("p", { class: "message empty" }, "No orchestration could be ranked in this range.");
  return el("section", { class: "compare" }, el("h2", {}, heading(data.rank_by)), body);
}
