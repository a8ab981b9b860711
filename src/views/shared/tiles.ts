// The headline tiles of a stats result: volumes and the rates a marketer looks at first.
// Each tile's figure is the exact string the tool returned (rates[key].percent), so the
// view never disagrees with the text the model read.

import type { Figures } from "./data.js";
import { el } from "./dom.js";
import { count, rateLabel } from "./format.js";

const VOLUMES = [
  ["sent", "Sent"],
  ["delivered", "Delivered"],
] as const;
const RATES = ["delivery_rate", "open_rate", "click_rate", "unsubscribe_rate"] as const;

function tile(key: string, label: string, value: string, caption?: string): HTMLElement {
  return el("div", { class: "tile", "data-key": key }, el("span", { class: "tile-label" }, label), el("strong", { class: "tile-value" }, value), caption && el("span", { class: "tile-caption" }, caption));
}

export function tiles(figures: Figures): HTMLElement {
  const volumes = VOLUMES.filter(([key]) => figures.totals[key] !== undefined).map(([key, label]) => tile(key, label, count(figures.totals[key])));
  const rates = RATES.flatMap((key) => {
    const rate = figures.rates[key];
    return rate ? [tile(key, rateLabel(key), rate.percent, rate.definition)] : [];
  });
  return el("div", { class: "tiles" }, ...volumes, ...rates);
}
