// Everything a comparison needs to continue, carried by its cursor: the selection (ids
// still to fetch, and where a filtered listing stopped), the resolved range, the previous
// period when comparing, and the ranking settings, so a continuation compares like with like.

import { z } from "zod";
import { START, type Position } from "../../batch/collect.js";
import { resolveStatsRange, utcDay, type StatsRange } from "../../batch/stats-range.js";
import { COMPARE_TO, previousPeriodPlan, type CompareTo, type Period } from "../../insights/periods.js";
import { RANK_BY, RANK_ORDER, type RankBy, type RankOrder } from "../../insights/ranking.js";
import { InputError } from "../input-error.js";
import { CursorError, decodeCursor, encodeCursor } from "../listing/cursor.js";
import { orchestrationQuery, type OrchestrationFilterQuery } from "../listing/orchestration-query.js";

export const COMPARE_TOOL = "compare_orchestrations";

export interface CompareState {
  /** Set when selecting by filters (project and project_key included). */
  filters?: OrchestrationFilterQuery;
  /** The project named, checked against the caller's grant at every step. */
  project?: string;
  projectKey?: string;
  /** Ids (or inputs) to fetch first, in order. */
  pending: string[];
  /** Where the filtered listing continues. */
  listing?: Position;
  range: StatsRange;
  rankBy: RankBy;
  minDelivered: number;
  max: number;
  /** What leads: the highest value, or the largest fall or rise since the previous period. */
  order: RankOrder;
  /** Set when comparing with the previous period. */
  compareTo?: CompareTo;
  /** The previous period, fixed by the first call so every continuation compares like with like; absent when Batch keeps none of it. */
  previous?: Period;
  /** Sentences about the previous period (shortened, or missing). */
  periodNotes?: string[];
}

const period = z.object({ from: z.string(), to: z.string(), days: z.number().int().min(1) });

const stateSchema = z.object({
  filters: orchestrationQuery.optional(),
  project: z.string().optional(),
  projectKey: z.string().optional(),
  pending: z.array(z.string()),
  listing: z.object({ page: z.string().optional(), skip: z.number().int().min(0) }).optional(),
  range: z.object({ from: z.string(), to: z.string(), days: z.number().int(), requestedFrom: z.string().optional() }),
  rankBy: z.enum(RANK_BY),
  minDelivered: z.number().int().min(0),
  max: z.number().int().min(1).max(100),
  order: z.enum(RANK_ORDER).default("value"),
  compareTo: z.enum(COMPARE_TO).optional(),
  previous: period.optional(),
  periodNotes: z.array(z.string()).optional(),
});

export interface FreshArgs {
  orchestration_ids?: string[] | undefined;
  filters: OrchestrationFilterQuery;
  from?: string | undefined;
  to?: string | undefined;
  rank_by: RankBy;
  min_delivered: number;
  max_orchestrations: number;
  compare_to?: CompareTo | undefined;
  order?: RankOrder | undefined;
}

/** The previous period of a comparison: "drop" and "rise" are moves since it, so they ask for it too. */
function comparing(args: FreshArgs, range: StatsRange, now: Date): Pick<CompareState, "compareTo" | "previous" | "periodNotes"> {
  const compareTo = args.compare_to ?? (args.order === "drop" || args.order === "rise" ? "previous_period" : undefined);
  if (compareTo === undefined) return {};
  const plan = previousPeriodPlan(range, utcDay(now));
  const previous = plan.previous && { from: plan.previous.from, to: plan.previous.to, days: plan.previous.days };
  return { compareTo, ...(previous && { previous }), ...(plan.notes.length && { periodNotes: plan.notes }) };
}

export function freshState(args: FreshArgs, now = new Date()): CompareState {
  const { project, project_key, ...filters } = args.filters;
  const hasFilters = Object.values(filters).some((v) => v !== undefined);
  if (args.orchestration_ids && hasFilters) {
    throw new InputError("Pass either orchestration_ids or the listing filters (status, type, channels, labels, name_contains, created_after, created_before), not both.");
  }
  const resolved = resolveStatsRange({ from: args.from, to: args.to }, utcDay(now));
  if (!resolved.ok) throw new InputError(resolved.problem);
  return {
    ...(args.orchestration_ids ? {} : { filters: args.filters, listing: START }),
    ...(project !== undefined && { project }),
    ...(project_key !== undefined && { projectKey: project_key }),
    pending: args.orchestration_ids ?? [],
    range: resolved.range,
    rankBy: args.rank_by,
    minDelivered: args.min_delivered,
    max: args.max_orchestrations,
    order: args.order ?? "value",
    ...comparing(args, resolved.range, now),
  };
}

export function resumeState(cursor: string): CompareState {
  const parsed = stateSchema.safeParse(decodeCursor(COMPARE_TOOL, cursor).query);
  if (!parsed.success) throw new CursorError("The cursor is not one this server issued; drop it to start the comparison over.");
  const { listing, filters, project, projectKey, range, compareTo, previous, periodNotes, ...rest } = parsed.data;
  return {
    ...rest,
    ...(compareTo !== undefined && { compareTo }),
    ...(previous && { previous: { from: previous.from, to: previous.to, days: previous.days } }),
    ...(periodNotes && { periodNotes }),
    range: { from: range.from, to: range.to, days: range.days, ...(range.requestedFrom !== undefined && { requestedFrom: range.requestedFrom }) },
    ...(filters && { filters }),
    ...(project !== undefined && { project }),
    ...(projectKey !== undefined && { projectKey }),
    ...(listing && { listing: { page: listing.page, skip: listing.skip } }),
  };
}

/** A cursor for what is left, or undefined when nothing is. */
export function nextCursor(state: CompareState, pending: string[], listing: Position | undefined): string | undefined {
  if (pending.length === 0 && listing === undefined) return undefined;
  const { listing: _previous, ...rest } = state;
  return encodeCursor(COMPARE_TOOL, { ...rest, pending, ...(listing && { listing }) }, START);
}
