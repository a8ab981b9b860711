// compare_orchestrations' text and links, fitted to the response budget, and the sentence
// that says how to continue.

import { describeBudget } from "../../batch/deadline.js";
import { COMPARE_TOOL } from "../../workspace/compare/state.js";
import { compareText, type HandleOf } from "../format/compare.js";
import { clipLines } from "../format/text.js";
import { shownChars } from "../listing/budget.js";
import { MAX_RESOURCE_LINKS } from "../listing/spec.js";
import { linkTo } from "../resources/kind.js";
import type { ContentBlock } from "../results.js";
import type { CompareReport } from "./report.js";

/** Resource links for the first rows, as listings do. */
const MAX_LINKS = MAX_RESOURCE_LINKS;

function links(report: CompareReport): ContentBlock[] {
  return report.rows.slice(0, MAX_LINKS).map((r) => linkTo(r.uri, r.name ?? r.id));
}

export function continuation(report: CompareReport, notFetched: number, budgetMs: number): string | undefined {
  if (!report.cursor) return undefined;
  const call = `call ${COMPARE_TOOL} with cursor "${report.cursor}"`;
  return notFetched > 0
    ? `Time budget (${describeBudget(budgetMs)}) reached: ${notFetched} not fetched yet. To fetch only those, ${call}; the stats fetched so far stay cached for 10 minutes.`
    : `More orchestrations are selected: ${call} to compare the next ones (each call ranks its own).`;
}

/**
 * The table loses rows from the bottom until text and links fit the response budget. Past
 * that (tiny budgets, very long cursors), the links go and the text is cut, keeping the
 * continuation sentence whole when it fits.
 */
export function fitted(report: CompareReport, extra: string | undefined, budget: number, handle: HandleOf): { text: string; links: ContentBlock[] } {
  const linked = links(report);
  const linkChars = shownChars(linked);
  let maxRows = report.rows.length;
  let text = compareText(report, { maxRows, continuation: extra, handle });
  while (text.length + linkChars > budget && maxRows > 0) {
    maxRows = Math.floor(maxRows * 0.8);
    text = compareText(report, { maxRows, continuation: extra, handle });
  }
  if (text.length + linkChars <= budget) return { text, links: linked };
  const tail = extra && extra.length <= budget / 2 ? extra : extra && "More to fetch: the cursor is in structuredContent.cursor (too long to show here).";
  const body = compareText(report, { maxRows: 0, handle });
  return { text: tail ? `${clipLines(body, budget - tail.length - 1)}\n${tail}` : clipLines(body, budget), links: [] };
}
