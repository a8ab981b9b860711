// Unusual days in words, one line each: the day, the rate and how far it was from usual,
// or how long a recurring send or trigger went silent. The chart shades the same days.

import type { Anomaly } from "../shared/data.js";
import { el } from "../shared/dom.js";
import { count, day, percentOf, rateLabel } from "../shared/format.js";

function line(a: Anomaly): string {
  if (a.metric === "sent") {
    const days = `${a.score} day${a.score === 1 ? "" : "s"}`;
    const span = a.until && a.until !== a.date ? `${day(a.date)} – ${day(a.until)}` : day(a.date);
    return `${span}: nothing sent for ${days} (usually ${count(Math.round(a.usual))} a day).`;
  }
  const way = a.value > a.usual ? "above" : "below";
  return `${day(a.date)}: ${rateLabel(a.metric).toLowerCase()} ${percentOf(a.value)}, ${way} the usual ${percentOf(a.usual)} (score ${a.score.toFixed(1)}).`;
}

export function anomaliesSection(anomalies: readonly Anomaly[]): HTMLElement {
  const body = anomalies.length
    ? el("ul", { class: "anomalies" }, ...anomalies.map((a) => el("li", { "data-date": a.date, "data-metric": a.metric }, line(a))))
    : el("p", { class: "message empty" }, "No unusual days in this range.");
  return el("section", { class: "unusual" }, el("h2", {}, "Unusual days"), body);
}
