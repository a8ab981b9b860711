// The daily series as a line chart, drawn by uPlot (canvas; ~50 kB, no dependencies, made
// for dense time series: 183 days x 4 series draw in a few milliseconds). The figures are
// also in the table below the chart, as text; the chart is for the eye. Unusual days (and
// silences) are shaded behind the lines, and their table rows marked.

import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Anomaly, StatsData } from "../shared/data.js";
import { el } from "../shared/dom.js";
import { count, day } from "../shared/format.js";
import { dayLabel, dayTicks } from "./day-axis.js";

const SERIES = [
  ["sent", "Sent"],
  ["delivered", "Delivered"],
  ["unique_open", "Opens"],
  ["unique_click", "Clicks"],
] as const;

type Days = NonNullable<StatsData["days"]>;

/** Canvas pixels cannot use CSS variables: read the theme's colours when drawing. */
function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const DAY_S = 86_400;
const seconds = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

function data(days: Days): uPlot.AlignedData {
  const x = days.map((d) => seconds(d.date));
  return [x, ...SERIES.map(([key]) => days.map((d) => d.totals[key] ?? null))];
}

/** The x axis: whole days only, labelled by day; the labels drawn are kept on `holder` for tests and assistive reading. */
function dayAxis(holder: HTMLElement): Pick<uPlot.Axis, "splits" | "values"> {
  return {
    splits: (u, _axis, min, max) => dayTicks(min, max, u.bbox.width / uPlot.pxRatio),
    values: (_u, splits) => {
      const labels = splits.map(dayLabel);
      holder.dataset.xTicks = labels.join(",");
      return labels;
    },
  };
}

/** Spans to shade, in seconds: a whole day each, a silence from its first day to its last. */
function marks(anomalies: readonly Anomaly[]): Array<[number, number]> {
  const spans = anomalies.map((a): [number, number] => [seconds(a.date) - DAY_S / 2, seconds(a.until ?? a.date) + DAY_S / 2]);
  return spans.filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to));
}

/** Shades the spans before the series are drawn, so the lines stay on top. */
function shading(spans: ReadonlyArray<[number, number]>): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (u) => {
        const { ctx, bbox } = u;
        ctx.save();
        ctx.fillStyle = themeColour("--danger", "#b42318");
        ctx.globalAlpha = 0.14;
        for (const [from, to] of spans) {
          const [x0, x1] = [u.valToPos(from, "x", true), u.valToPos(to, "x", true)];
          const left = Math.max(bbox.left, Math.min(x0, x1));
          const right = Math.min(bbox.left + bbox.width, Math.max(x0, x1));
          if (right > left) ctx.fillRect(left, bbox.top, Math.max(2, right - left), bbox.height);
        }
        ctx.restore();
      },
    },
  };
}

function options(width: number, holder: HTMLElement, spans: ReadonlyArray<[number, number]>): uPlot.Options {
  const text = themeColour("--text-secondary", "#555");
  const grid = themeColour("--border", "#ddd");
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width,
    height: 220,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    // Labels only: values would read "n/a" until the pointer is over the chart.
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    plugins: spans.length ? [shading(spans)] : [],
    axes: [{ ...axis, ...dayAxis(holder) }, { ...axis, size: 56, values: (_u, splits) => splits.map((v) => count(v)) }],
    series: [
      { label: "Day", value: (_u, v) => (v == null ? "" : day(new Date(v * 1000).toISOString())) },
      ...SERIES.map(([, label], i) => ({ label, stroke: themeColour(`--series-${i + 1}`, "#36c"), width: 2, value: (_u: uPlot, v: number | null) => (v == null ? "n/a" : count(v)) })),
    ],
  };
}

/** Whether a day is one of the anomalies, or inside a silence. */
function unusual(date: string, anomalies: readonly Anomaly[]): boolean {
  return anomalies.some((a) => date >= a.date && date <= (a.until ?? a.date));
}

/** A table of the same figures, folded: screen readers, copy-paste and tests read it. */
function table(days: Days, anomalies: readonly Anomaly[]): HTMLElement {
  const head = el("tr", {}, el("th", { scope: "col" }, "Day"), ...SERIES.map(([, label]) => el("th", { scope: "col" }, label)), el("th", { scope: "col" }, "Open rate"));
  const rows = days.map((d) =>
    el(
      "tr",
      { class: unusual(d.date, anomalies) ? "unusual" : undefined },
      el("th", { scope: "row" }, day(d.date)),
      ...SERIES.map(([key]) => el("td", {}, count(d.totals[key]))),
      el("td", {}, d.rates.open_rate?.percent ?? "n/a"),
    ),
  );
  return el("details", { class: "daily-table" }, el("summary", {}, `Daily figures (${days.length} days)`), el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)));
}

/** The section; the chart is drawn once the section is in the document (uPlot measures it). */
export function dailySection(days: Days, anomalies: readonly Anomaly[] = []): { section: HTMLElement; draw(): void } {
  const spans = marks(anomalies);
  const shaded = spans.length ? `; ${spans.length} unusual day${spans.length === 1 ? "" : "s"} or silence${spans.length === 1 ? "" : "s"} shaded` : "";
  const holder = el("div", { class: "chart", role: "img", "aria-label": `Sent, delivered, opens and clicks per day over ${days.length} days${shaded}` });
  const section = el("section", { class: "daily" }, el("h2", {}, "By day"), holder, table(days, anomalies));
  return {
    section,
    draw() {
      const chart = new uPlot(options(Math.max(240, holder.clientWidth), holder, spans), data(days), holder);
      // What the chart holds, not what it was given: a test reads the points it drew and the spans it shades.
      holder.dataset.points = String(chart.data[0].length);
      holder.dataset.marks = String(spans.length);
      new ResizeObserver(() => chart.setSize({ width: Math.max(240, holder.clientWidth), height: 220 })).observe(holder);
    },
  };
}
