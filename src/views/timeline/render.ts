// The timeline's DOM: a legend, a month axis, one row per orchestration grouped by status,
// bars as buttons (focusable, clickable, named), a "today" line, and one hover card.

import type { ListingData } from "../shared/data.js";
import { batchText, el, isolate, replace } from "../shared/dom.js";
import { day } from "../shared/format.js";
import { cardLines } from "./describe.js";
import { layout, monthTicks, type Bar } from "./layout.js";

const CHANNEL_COLOURS: Record<string, string> = { push: "var(--series-1)", email: "var(--series-2)", sms: "var(--series-3)", in_app: "var(--series-4)", "in-app": "var(--series-4)" };
const colour = (channel: string) => CHANNEL_COLOURS[channel] ?? "var(--text-secondary)";

/** One colour per channel, stacked when an orchestration uses several. */
function barBackground(channels: readonly string[]): string {
  if (channels.length <= 1) return colour(channels[0] ?? "");
  const step = 100 / channels.length;
  return `linear-gradient(180deg, ${channels.map((c, i) => `${colour(c)} ${(i * step).toFixed(1)}% ${((i + 1) * step).toFixed(1)}%`).join(", ")})`;
}

function legend(data: ListingData): HTMLElement {
  const channels = [...new Set(data.orchestrations.flatMap((o) => o.channels))].sort();
  return el("ul", { class: "legend" }, ...channels.map((c) => el("li", {}, el("span", { class: "swatch", style: `background:${colour(c)}` }), c)));
}

function showCard(card: HTMLElement, bar: Bar, anchor: HTMLElement): void {
  const [name, ...rest] = cardLines(bar);
  replace(card, el("strong", {}, batchText(name ?? "")), ...rest.map((line) => el("span", {}, line)));
  const box = anchor.getBoundingClientRect();
  card.hidden = false;
  const left = Math.min(Math.max(8, box.left), window.innerWidth - card.offsetWidth - 8);
  card.style.left = `${left + window.scrollX}px`;
  card.style.top = `${box.bottom + window.scrollY + 6}px`;
}

export function renderTimeline(root: HTMLElement, data: ListingData, now: number, onSelect: (bar: Bar) => void): HTMLElement {
  const plan = layout(data.orchestrations, now);
  const card = el("div", { class: "card", role: "tooltip", id: "card", hidden: true });
  const hide = () => (card.hidden = true);
  const row = (bar: Bar) => {
    const button = el("button", {
      class: `bar${bar.openEnded ? " open" : ""}`,
      type: "button",
      style: `left:${bar.left.toFixed(2)}%;width:${bar.width.toFixed(2)}%;background:${barBackground(bar.item.channels)}`,
      "data-id": bar.item.id,
      "aria-label": `${isolate(bar.item.name)}: ${cardLines(bar).slice(1).join(", ")}. Show its statistics.`,
      "aria-describedby": "card",
      onpointerenter: () => showCard(card, bar, button),
      onfocus: () => showCard(card, bar, button),
      onpointerleave: hide,
      onblur: hide,
      onclick: () => onSelect(bar),
    });
    return el("div", { class: "row" }, el("span", { class: "row-label", title: bar.item.name }, batchText(bar.item.name)), el("div", { class: "track" }, button));
  };
  const axis = el(
    "div",
    { class: "row axis", "aria-hidden": "true" },
    el("span", { class: "row-label" }),
    el("div", { class: "track" }, ...monthTicks(plan.min, plan.max)
      // A month label (written rightwards from its tick) running into "Today" would be unreadable.
      .filter(([, left]) => left > plan.today + 4 || left < plan.today - 12)
      .map(([t, left]) => el("span", { class: "tick", style: `left:${left.toFixed(2)}%` }, day(new Date(t).toISOString()).replace(/^1 /, ""))), el("span", { class: "today-label", style: `left:${plan.today.toFixed(2)}%` }, "Today")),
  );
  const groups = plan.groups.map((g) => el("section", { class: "group", "data-status": g.status }, el("h2", {}, `${g.status} (${g.bars.length})`), ...g.bars.map(row)));
  const count = `${data.orchestrations.length} orchestration${data.orchestrations.length === 1 ? "" : "s"}`;
  const detail = el("section", { class: "detail", "aria-live": "polite" });
  replace(
    root,
    el("header", {}, el("h1", {}, "Orchestration timeline"), el("p", { class: "subtitle" }, data.has_more ? `${count} shown; more match (ask to continue with the cursor).` : count)),
    data.orchestrations.length ? legend(data) : el("p", { class: "message empty", role: "status" }, "No orchestrations matched, so there is nothing to place on the timeline."),
    data.orchestrations.length ? el("div", { class: "chart", style: `--today:${plan.today.toFixed(2)}%` }, axis, ...groups) : undefined,
    plan.undated.length ? el("p", { class: "note" }, "Without dates, not shown: ", ...plan.undated.flatMap((o, i) => [i > 0 && ", ", batchText(o.name)]), ".") : undefined,
    detail,
    card,
  );
  return detail;
}
