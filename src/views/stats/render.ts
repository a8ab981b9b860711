// The statistics view's content for one get_orchestration_stats result: heading, notes,
// the empty state or the tiles (with their moves when the result compares periods), then
// the daily chart, the unusual days, the A/B test and the steps as present.

import { anomaliesOf, comparisonOf, type Comparison, type StatsData } from "../shared/data.js";
import { batchText, el, replace } from "../shared/dom.js";
import { day, handleOf } from "../shared/format.js";
import { tiles } from "../shared/tiles.js";
import { abSection } from "./ab.js";
import { anomaliesSection } from "./anomalies.js";
import { dailySection } from "./chart.js";
import { stepsSection } from "./steps.js";

/** The name when the session knows it, else the handle the text names it by (never the 46-character id). */
function title(s: StatsData): HTMLElement {
  const h1 = el("h1", { title: s.orchestration_id });
  if (s.name !== undefined) h1.append(batchText(s.name));
  else h1.append("Orchestration ", el("code", { class: "handle" }, handleOf({ id: s.orchestration_id, handle: s.handle })));
  return h1;
}

const span = (r: { from: string; to: string; days: number }) => `${day(r.from)} – ${day(r.to)} · ${r.days} day${r.days === 1 ? "" : "s"}`;

function header(s: StatsData, comparison: Comparison | undefined): HTMLElement {
  return el(
    "header",
    {},
    title(s),
    el("p", { class: "subtitle" }, span(s.range)),
    comparison && el("p", { class: "subtitle compared" }, `Compared with ${span(comparison.previous)}`),
  );
}

function notes(s: StatsData): HTMLElement[] {
  return [...(s.notes ?? []).map((n) => el("p", { class: "note" }, n)), ...(s.warnings ?? []).map((w) => el("p", { class: "note warning" }, w))];
}

function emptyState(s: StatsData): HTMLElement | undefined {
  const between = `between ${day(s.range.from)} and ${day(s.range.to)}`;
  if (!s.has_figures) return el("p", { class: "message empty", role: "status" }, `No sends ${between}: Batch returned no figures for this range.`);
  if (!s.totals.sent) return el("p", { class: "message empty", role: "status" }, `Nothing was sent ${between}, so there are no rates to show.`);
  return undefined;
}

export function renderStats(root: HTMLElement, s: StatsData): void {
  const comparison = comparisonOf(s);
  const anomalies = anomaliesOf(s);
  const empty = emptyState(s);
  if (empty) {
    // A silence can leave a range with nothing sent: it is still worth showing.
    replace(root, header(s, comparison), empty, ...notes(s), anomalies?.length ? anomaliesSection(anomalies) : undefined);
    return;
  }
  const daily = s.days?.length ? dailySection(s.days, anomalies) : undefined;
  replace(
    root,
    header(s, comparison),
    tiles(s, comparison),
    ...notes(s),
    daily?.section,
    anomalies && anomaliesSection(anomalies),
    abSection(s.ab),
    s.steps?.length ? stepsSection(s.steps) : undefined,
  );
  daily?.draw();
}
