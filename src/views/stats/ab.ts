// A/B versions side by side, and the z-test verdict in words: who wins on what, or why
// there is no verdict yet. Same reading as the tool's text (src/mcp/format/stats.ts).

import type { AbRate, AbReport } from "../shared/data.js";
import { batchText, el } from "../shared/dom.js";
import { count, rateLabel } from "../shared/format.js";
import { tiles } from "../shared/tiles.js";

function percentOf(ab: AbReport, version: string | undefined, rate: string): string {
  return ab.versions.find((v) => v.version === version)?.rates[rate]?.percent ?? "n/a";
}

function rateVerdict(ab: AbReport, r: AbRate): string {
  const label = rateLabel(r.rate).toLowerCase();
  if (r.leader === undefined) return `No significant difference on ${label}.`;
  const z = r.z === undefined ? "" : `, |z| = ${Math.abs(r.z).toFixed(2)}`;
  return `Version ${r.leader} wins on ${label}: ${percentOf(ab, r.leader, r.rate)} vs ${percentOf(ab, r.behind, r.rate)} (significant at 95%${z}).`;
}

/** The verdict sentences, one per rate, or the one reason there is none. */
export function verdicts(ab: AbReport): string[] {
  if (!ab.enough_sends) {
    const reached = ab.versions.map((v) => `${v.version}: ${count(v.delivered)}`).join(", ");
    return [`No verdict yet: each version needs at least ${count(ab.min_delivered)} delivered before a z-test can tell them apart (delivered ${reached}).`];
  }
  return ab.by_rate.map((r) => rateVerdict(ab, r));
}

export function abSection(ab: AbReport | undefined): HTMLElement {
  if (!ab) return el("section", { class: "ab" }, el("h2", {}, "A/B test"), el("p", { class: "message empty" }, "No A/B test: one version was sent in this range."));
  const columns = ab.versions.map((v) => el("div", { class: "version", "data-version": v.version }, el("h3", {}, "Version ", batchText(v.version)), tiles(v)));
  return el(
    "section",
    { class: "ab" },
    el("h2", {}, "A/B test"),
    el("div", { class: "versions" }, ...columns),
    el("ul", { class: "verdict" }, ...verdicts(ab).map((v) => el("li", {}, v))),
  );
}
