// The daily series as a line chart, drawn by uPlot (canvas; ~50 kB, no dependencies, made
// for dense time series: 183 days x 4 series draw in a few milliseconds). The figures are
// also in the table below the chart, as text; the chart is for the eye.

import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { StatsData } from "../shared/data.js";
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

function data(days: Days): uPlot.AlignedData {
  const x = days.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000);
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

function options(width: number, holder: HTMLElement): uPlot.Options {
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
    axes: [{ ...axis, ...dayAxis(holder) }, { ...axis, size: 56, values: (_u, splits) => splits.map((v) => count(v)) }],
    series: [
      { label: "Day", value: (_u, v) => (v == null ? "" : day(new Date(v * 1000).toISOString())) },
      ...SERIES.map(([, label], i) => ({ label, stroke: themeColour(`--series-${i + 1}`, "#36c"), width: 2, value: (_u: uPlot, v: number | null) => (v == null ? "n/a" : count(v)) })),
    ],
  };
}

/** A table of the same figures, folded: screen readers, copy-paste and tests read it. */
function table(days: Days): HTMLElement {
  const head = el("tr", {}, el("th", { scope: "col" }, "Day"), ...SERIES.map(([, label]) => el("th", { scope: "col" }, label)), el("th", { scope: "col" }, "Open rate"));
  const rows = days.map((d) => el("tr", {}, el("th", { scope: "row" }, day(d.date)), ...SERIES.map(([key]) => el("td", {}, count(d.totals[key]))), el("td", {}, d.rates.open_rate?.percent ?? "n/a")));
  return el("details", { class: "daily-table" }, el("summary", {}, `Daily figures (${days.length} days)`), el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)));
}

/** The section; the chart is drawn once the section is in the document (uPlot measures it). */
export function dailySection(days: Days): { section: HTMLElement; draw(): void } {
  const holder = el("div", { class: "chart", role: "img", "aria-label": `Sent, delivered, opens and clicks per day over ${days.length} days` });
  const section = el("section", { class: "daily" }, el("h2", {}, "By day"), holder, table(days));
  return {
    section,
    draw() {
      const chart = new uPlot(options(Math.max(240, holder.clientWidth), holder), data(days), holder);
      // What the chart holds, not what it was given: a test reads the points it drew.
      holder.dataset.points = String(chart.data[0].length);
      new ResizeObserver(() => chart.setSize({ width: Math.max(240, holder.clientWidth), height: 220 })).observe(holder);
    },
  };
}
