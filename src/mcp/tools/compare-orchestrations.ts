// compare_orchestrations: "which of our pushes did best last month?" Ranks many
// orchestrations on one metric, with the portfolio, its outliers and what was set aside.

import { z } from "zod";
import { DEFAULT_STATS_DAYS, STATS_HISTORY_MONTHS } from "../../batch/stats-range.js";
import { CHANGE_RULE } from "../../insights/changes.js";
import { COMPARE_TO } from "../../insights/periods.js";
import { RANK_BY, RANK_ORDER } from "../../insights/ranking.js";
import { compareNext } from "../../workspace/compare/compare-next.js";
import { COMPARE_TOOL, freshState, resumeState } from "../../workspace/compare/state.js";
import { orchestrationFilters, type OrchestrationFilterQuery } from "../../workspace/listing/orchestration-query.js";
import { continuation, fitted } from "../compare/fit-text.js";
import { compareReport, EXCLUDED_KINDS } from "../compare/report.js";
import { orchestrationResource } from "../resources/orchestrations.js";
import { toolResult } from "../results.js";
import { defineTool } from "../tool-definition.js";
import { countChange, rateChange, statsDay } from "./get-orchestration-stats.js";

export const MAX_IDS = 50;
export const MAX_ORCHESTRATIONS = 100;

const input = {
  orchestration_ids: z
    .array(z.string().min(1).max(500))
    .min(1)
    .max(MAX_IDS)
    .optional()
    .describe(`The orchestrations to compare (1 to ${MAX_IDS}), by handle as listings show them ("i4geuqvb"), id or batch://orchestrations/{id} URI. Omit to select with the filters below instead.`),
  ...orchestrationFilters,
  from: statsDay
    .optional()
    .describe(`First day, yyyy-MM-dd, inclusive (default: the last ${DEFAULT_STATS_DAYS} days). Batch keeps ${STATS_HISTORY_MONTHS} months: an earlier day is moved to the limit.`),
  to: statsDay.optional().describe("Last day, yyyy-MM-dd, inclusive (default: today, UTC)."),
  rank_by: z
    .enum(RANK_BY)
    .default("open_rate")
    .describe('The metric rows are ordered by, highest first whatever the metric (so "bounce_rate" puts the worst first). Default "open_rate".'),
  min_delivered: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .default(1000)
    .describe("Orchestrations with fewer delivered in the range (and, with compare_to, in the previous period too) are not ranked on a rate (a 50-send test must not win); they are listed as excluded. Default 1,000."),
  compare_to: z
    .enum(COMPARE_TO)
    .optional()
    .describe(
      '"previous_period" also compares each orchestration with the same number of days just before `from`: each row gets its previous value and its move (points for rates, relative change for counts, and whether a rate\'s move is significant), and the portfolio is pooled over both periods. ' +
        "Still one request per orchestration. Default: no comparison.",
    ),
  order: z
    .enum(RANK_ORDER)
    .default("value")
    .describe('What leads: "value" (default) the highest rank_by; "drop" the largest fall of rank_by since the previous period ("which sends got worse?"); "rise" the largest rise. "drop" and "rise" compare with the previous period even without compare_to.'),
  max_orchestrations: z
    .number()
    .int()
    .min(1)
    .max(MAX_ORCHESTRATIONS)
    .default(30)
    .describe(`Most orchestrations to fetch stats for in this call (1 to ${MAX_ORCHESTRATIONS}, default 30; one paced request each, about 1 s). When more are selected, the result has a cursor.`),
  cursor: z.string().max(16_000).optional().describe("Cursor from a previous result: fetches the rest with the same selection, range and ranking (it remembers every other argument)."),
};

const rate = z.object({ value: z.number().nullable(), percent: z.string(), definition: z.string() });
const metrics = z.record(z.string(), z.number());

const output = {
  rows: z
    .array(
      z.object({
        rank: z.number().int(),
        id: z.string(),
        name: z.string().optional(),
        type: z.string().optional(),
        status: z.string().optional(),
        uri: z.string(),
        value: z.number().nullable().describe("The rank_by value (a fraction for rates), null when n/a."),
        previous_value: z.number().nullable().optional().describe("With compare_to: the rank_by value in the previous period; null when n/a."),
        change_points: z.number().nullable().optional().describe("With compare_to, ranking on a rate: its move in percentage points; null when either period is n/a."),
        relative_change: z.number().nullable().optional().describe("With compare_to, ranking on sent or delivered: current / previous - 1 (per day when the periods differ in length); null when previous is 0."),
        significant: z.boolean().optional().describe(`With compare_to, ranking on a rate: whether its move is significant. ${CHANGE_RULE}`),
        totals: metrics,
        rates: z.record(z.string(), rate),
      }),
    )
    .describe('Ranked orchestrations in the order asked for: highest rank_by value first, or with order "drop"/"rise" the largest move first.'),
  excluded: z
    .array(z.object({ id: z.string(), name: z.string().optional(), kind: z.enum(EXCLUDED_KINDS), reason: z.string() }))
    .describe("Not ranked, with why: too few delivered, unknown to Batch, stats failed, not fetched before the time budget, not an id."),
  portfolio: z.object({
    orchestrations: z.number().int(),
    totals: metrics.describe("Summed over the ranked orchestrations."),
    rates: z.record(z.string(), rate).describe("Pooled: the rates of the summed totals."),
    medians: z.record(z.string(), z.object({ value: z.number(), percent: z.string() })).describe("Median of each rate across the ranked orchestrations."),
    min_delivered: z.number().int(),
    outlier_rule: z.string().describe('What "far from the portfolio" means for outliers.'),
    previous: z
      .object({
        totals: metrics,
        rates: z.record(z.string(), rate),
        changes: z.record(z.string(), z.union([rateChange, countChange])).describe("sent and delivered (relative change), then each rate, keyed as `rates` is."),
        rule: z.string(),
      })
      .optional()
      .describe("With compare_to: the same ranked orchestrations pooled over the previous period, and every change."),
  }),
  outliers: z.array(
    z.object({
      id: z.string(),
      name: z.string().optional(),
      rate: z.string(),
      value: z.number(),
      percent: z.string(),
      median: z.number(),
      median_percent: z.string(),
      direction: z.enum(["above", "below"]),
      better: z.boolean().describe("True when that direction is the good one for this rate."),
      z: z.number(),
    }),
  ),
  range: z.object({ from: z.string(), to: z.string(), days: z.number().int(), requested_from: z.string().optional() }),
  previous_range: z.object({ from: z.string(), to: z.string(), days: z.number().int() }).optional().describe("With compare_to: the period compared with (shorter than range when Batch's 6-month limit cut it)."),
  rank_by: z.enum(RANK_BY),
  order: z.enum(RANK_ORDER),
  notes: z.array(z.string()).optional().describe("About the previous period: shortened, or missing."),
  warnings: z.array(z.string()).optional(),
  cursor: z.string().optional().describe("Pass to compare_orchestrations to fetch the rest."),
};

export const compareOrchestrations = defineTool({
  name: COMPARE_TOOL,
  title: "Compare Batch orchestrations",
  description:
    'Ranks several orchestrations on one metric over a date range (open, click, click-to-open, delivery, bounce or unsubscribe rate, or sent/delivered), for "which of our pushes did best last month?" or "is anything bouncing badly?". ' +
    "Select by orchestration_ids or by the list_orchestrations filters. Returns a ranked table, the portfolio (totals, pooled rates, medians), outliers, and those set aside (too few delivered, unknown ids). " +
    'With compare_to "previous_period", each row also shows its move since the same number of days before, and order "drop" puts the biggest fall first ("which sends got worse this month?"). ' +
    `One stats request per orchestration, paced (about 1 s each), comparison or not; at most max_orchestrations per call (default 30), with a cursor for the rest.`,
  input,
  output,
  ui: "stats",
  handler: async ({ cursor, orchestration_ids, from, to, rank_by, min_delivered, max_orchestrations, compare_to, order, ...filters }, ctx) => {
    const state = cursor
      ? resumeState(cursor)
      : freshState({ orchestration_ids, filters: filters as OrchestrationFilterQuery, from, to, rank_by, min_delivered, max_orchestrations, compare_to, order });
    // The project, from the arguments or the cursor, is checked against the caller's grant at every step.
    const call = ctx.in({ project: state.project, project_key: state.projectKey });
    const { selection, outcome, cursor: next } = await compareNext(state, call);
    const report = compareReport({
      outcome,
      invalid: selection.invalid,
      rankBy: state.rankBy,
      minDelivered: state.minDelivered,
      range: state.range,
      warnings: [...call.services.config.warnings, ...selection.warnings],
      cursor: next,
      order: state.order,
      ...(state.previous && { previous: state.previous }),
      ...(state.periodNotes && { notes: state.periodNotes }),
      uriBase: call.services.uriBase,
    });
    // Every id the text may name gets a handle the server can resolve later.
    const index = call.services.handles.for(orchestrationResource);
    for (const item of [...report.rows, ...report.excluded.filter((e) => e.kind !== "invalid_input")]) index.add(item.id, item.name);
    const handle = (id: string) => index.handle(id);
    const { text, links: linked } = fitted(report, continuation(report, outcome.notFetched.length, call.deadline.budgetMs), call.services.config.maxResultChars, handle);
    return toolResult(text, { ...report }, linked);
  },
});
