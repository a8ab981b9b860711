// A listing's answer: its items as lines under a header of counts and hints, or (with
// totals_only) only the totals carried over the cursor chain; both say why they stopped.

import type { CallToolResult } from "@modelcontextprotocol/server";
import type { Collected, StopReason } from "../../batch/collect.js";
import { batchTime } from "../../batch/dates.js";
import { describeBudget } from "../../batch/deadline.js";
import { describeBatchError } from "../error-messages.js";
import { inline } from "../../text/quote.js";
import { clip, compactDate, count, plural } from "../format/text.js";
import { resourceLink } from "../resources/kind.js";
import { toolResult } from "../results.js";
import type { Services } from "../../workspace/services.js";
import type { CallContext } from "../../workspace/call-context.js";
import { MAX_LINE_CHARS } from "./budget.js";
import { encodeCursor } from "../../workspace/listing/cursor.js";
import type { Tally } from "../../workspace/listing/source.js";
import { MAX_RESOURCE_LINKS, type LineContext, type ListingSpec } from "./spec.js";
import { addTotals, joinSpans, spanOf, type TotalsTree } from "../../workspace/listing/totals.js";

/** The year most items were created in: its dates lose their year, which the header says once. */
function lineContext(created: ReadonlyArray<string | undefined>): LineContext {
  const years = new Map<number, number>();
  for (const date of created) {
    const time = date ? batchTime(date) : Number.NaN;
    if (Number.isNaN(time)) continue;
    const year = new Date(time).getUTCFullYear();
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  const [top] = [...years].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  return { year: top?.[0] ?? new Date().getUTCFullYear() };
}

const STOPPED: Record<StopReason, (cap: number, ctx: CallContext) => string | undefined> = {
  cap: (cap) => `max_results ${cap} reached`,
  size: (_cap, ctx) => `stopped there to stay within the ${count(ctx.services.config.maxResultChars)}-character response budget`,
  time: (_cap, ctx) => `stopped when the call's ${describeBudget(ctx.deadline.budgetMs)} time budget ran out`,
  "page-limit": () => undefined,
  failure: () => undefined,
};

/** How `stopped_by` names each reason in structured content. */
const STOPPED_BY: Record<StopReason, string> = {
  cap: "max_results",
  size: "response_budget",
  time: "time_budget",
  "page-limit": "page_limit",
  failure: "failed_page",
};

function warningsOf(collected: Collected<unknown>, services: Services): string[] {
  return [
    ...services.config.warnings,
    ...collected.warnings,
    ...(collected.failure ? [`A page failed, so this result is partial. ${describeBatchError(collected.failure)} Call again with the cursor to resume from the failed page.`] : []),
  ];
}

export function renderItems<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(
  spec: ListingSpec<T, Q, S, Totals>,
  query: Q,
  cap: number,
  collected: Collected<T>,
  ctx: CallContext,
): CallToolResult {
  const { services } = ctx;
  const index = services.handles.for(spec.resource);
  const summaries = collected.items.map((item) => {
    const key = spec.resource.key(item);
    return spec.summarize(item, index.handle(key), spec.resource.uri(key, services.uriBase));
  });
  const totals = spec.totals(summaries);
  const span = spanOf(collected.items.map(spec.created), batchTime);
  const cursor = collected.resume && encodeCursor(spec.tool, query, collected.resume);
  const warnings = warningsOf(collected, services);
  const stopped = collected.stoppedBy && STOPPED[collected.stoppedBy](cap, ctx);
  const structured = {
    [spec.itemsKey]: summaries,
    returned: summaries.length,
    has_more: collected.hasMore,
    ...(cursor && { cursor }),
    ...(collected.stoppedBy && { stopped_by: STOPPED_BY[collected.stoppedBy] }),
    pages: collected.pages,
    totals,
    ...(span && { created_span: span }),
    ...(warnings.length && { warnings }),
  };
  const context = lineContext(collected.items.map(spec.created));
  const links = collected.items.slice(0, MAX_RESOURCE_LINKS).map((item) => resourceLink(spec.resource, item, services.uriBase));
  const header = [
    summaries.length
      ? `${summaries.length} ${spec.noun} from ${plural(collected.pages, "page")}${stopped ? ` (${stopped})` : ""}.`
      : `No ${spec.noun} match.`,
    spec.note?.(query, services),
    summaries.length ? spec.totalsLine(totals) : undefined,
    summaries.length ? `Dates UTC, year ${context.year} unless shown. Handles (the first column) stand for ids in every tool and batch:// URI.` : undefined,
    summaries.length ? spec.lineDefaults : undefined,
    cursor ? `More may match: call ${spec.tool} with cursor "${cursor}" to continue.` : undefined,
    ...warnings.map((w) => `Warning: ${inline(w)}`),
    links.length < summaries.length ? `Links for the first ${links.length}; every item's uri (structured content) is a readable resource.` : undefined,
  ];
  const lines = summaries.map((s) => `- ${clip(spec.line(s, context), MAX_LINE_CHARS)}`);
  const text = [...header.filter(Boolean), ...(lines.length ? ["", ...lines] : [])];
  return toolResult(text.join("\n"), structured, links);
}

export function renderTotals<T, Q extends Record<string, unknown>, S, Totals extends TotalsTree>(
  spec: ListingSpec<T, Q, S, Totals>,
  query: Q,
  cap: number,
  collected: Collected<T>,
  ctx: CallContext,
  before?: Tally<Totals>,
): CallToolResult {
  const here = spec.totals(collected.items.map((item) => spec.summarize(item, "", "")));
  const span = joinSpans(before?.span, spanOf(collected.items.map(spec.created), batchTime), batchTime);
  const tally: Tally<Totals> = {
    totals: before ? addTotals(before.totals, here) : here,
    scanned: (before?.scanned ?? 0) + collected.items.length,
    pages: (before?.pages ?? 0) + collected.pages,
    ...(span && { span }),
  };
  const cursor = collected.resume && encodeCursor(spec.tool, query, collected.resume, tally);
  const warnings = warningsOf(collected, ctx.services);
  const stopped = collected.stoppedBy && STOPPED[collected.stoppedBy](cap, ctx);
  const structured = {
    returned: 0,
    scanned: tally.scanned,
    has_more: collected.hasMore,
    ...(cursor && { cursor }),
    ...(collected.stoppedBy && { stopped_by: STOPPED_BY[collected.stoppedBy] }),
    pages: tally.pages,
    totals: tally.totals,
    ...(span && { created_span: span }),
    ...(warnings.length && { warnings }),
  };
  const earlier = before ? `, with the calls before this one` : "";
  const text = [
    tally.scanned
      ? `Totals of ${count(tally.scanned)} matching ${spec.noun}, from ${plural(tally.pages, "page")}${earlier}${stopped ? ` (${stopped})` : ""}.`
      : `No ${spec.noun} match.`,
    spec.note?.(query, ctx.services),
    tally.scanned ? spec.totalsLine(tally.totals) : undefined,
    span ? `Created between ${compactDate(span.first)} and ${compactDate(span.last)} (UTC).` : undefined,
    cursor ? `More may match: call ${spec.tool} with cursor "${cursor}" to keep counting (these totals carry over).` : undefined,
    ...warnings.map((w) => `Warning: ${inline(w)}`),
  ].filter(Boolean);
  return toolResult(text.join("\n"), structured);
}
