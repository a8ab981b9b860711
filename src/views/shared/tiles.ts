// The headline tiles of a stats result: volumes and the rates a marketer looks at first.
// Each tile's figure is the exact string the tool returned (rates[key].percent), so the
// view never disagrees with the text the model read. With a comparison, each tile also
// says how it moved since the previous period: an arrow, the change, and for a rate
// whether the z-test calls it significant.

import { isRateChange, type Change, type Comparison, type Figures } from "./data.js";
import { el } from "./dom.js";
import { count, percentOf, rateLabel, signed } from "./format.js";

const VOLUMES = [
  ["sent", "Sent"],
  ["delivered", "Delivered"],
] as const;
const RATES = ["delivery_rate", "open_rate", "click_rate", "unsubscribe_rate"] as const;

const ARROWS = { up: "▲", down: "▼", flat: "→", none: "" } as const;
type Direction = keyof typeof ARROWS;

function direction(moved: number | null): Direction {
  if (moved === null) return "none";
  return moved > 0 ? "up" : moved < 0 ? "down" : "flat";
}

/** ["-10.0 pts vs 25.3%", "significant"], ["+12.0% vs 1,234"], or "n/a vs …" when a period has no figure. */
function changeWords(change: Change): string[] {
  if (isRateChange(change)) {
    const moved = change.change_points === null ? "n/a" : `${signed(change.change_points)} pts`;
    return [`${moved} vs ${percentOf(change.previous)}`, change.significant ? "significant" : "not significant"];
  }
  const moved = change.relative_change === null ? "n/a" : `${signed(change.relative_change * 100)}%`;
  return [`${moved} vs ${count(change.previous)}`];
}

function changeLine(change: Change): HTMLElement {
  const rate = isRateChange(change);
  const way = direction(rate ? change.change_points : change.relative_change);
  const [moved, verdict] = changeWords(change);
  const judged = rate && change.better !== undefined ? (change.better ? " better" : " worse") : "";
  return el(
    "span",
    { class: `tile-change ${way}${judged}`, "data-direction": way, ...(rate && { "data-significant": String(change.significant) }) },
    ARROWS[way] && el("span", { class: "arrow", "aria-hidden": "true" }, `${ARROWS[way]} `),
    moved,
    // On a line of its own (see base.css); the space keeps the words apart for screen readers and copy-paste.
    verdict && " ",
    verdict && el("span", { class: "tile-verdict" }, verdict),
  );
}

function tile(key: string, label: string, value: string, caption?: string, change?: Change): HTMLElement {
  return el(
    "div",
    { class: "tile", "data-key": key },
    el("span", { class: "tile-label" }, label),
    el("strong", { class: "tile-value" }, value),
    change && changeLine(change),
    caption && el("span", { class: "tile-caption" }, caption),
  );
}

export function tiles(figures: Figures, comparison?: Comparison): HTMLElement {
  const changeOf = (key: string) => comparison?.changes[key];
  const volumes = VOLUMES.filter(([key]) => figures.totals[key] !== undefined).map(([key, label]) => tile(key, label, count(figures.totals[key]), undefined, changeOf(key)));
  const rates = RATES.flatMap((key) => {
    const rate = figures.rates[key];
    return rate ? [tile(key, rateLabel(key), rate.percent, rate.definition, changeOf(key))] : [];
  });
  return el("div", { class: "tiles" }, ...volumes, ...rates);
}
