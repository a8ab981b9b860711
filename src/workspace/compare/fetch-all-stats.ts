// Stats of many orchestrations, one request each through the stats cache and the paced
// client (covering the previous period too when comparing, split here by date): progress
// per orchestration, the client's cancellation, and the call's time budget. Past the
// budget it stops and says which were not fetched; what was fetched stays cached, so the
// cursor (or asking again) costs only the rest.

import { BatchApiError, failsForEveryId, isUnknownIdAnswer } from "../../batch/errors.js";
import type { StatsRange } from "../../batch/stats-range.js";
import type { Metrics, OrchestrationStats } from "../../batch/stats.js";
import { splitByPeriod, type Period } from "../../insights/periods.js";
import { totalsOf } from "../../insights/stats-aggregate.js";
import { NAME_CHARS, quote, word } from "../../text/quote.js";
import type { CallContext } from "../call-context.js";
import type { Target } from "./select.js";

export interface Fetched extends Target {
  totals: Metrics;
  /** The previous period's totals, when comparing. */
  previous?: Metrics;
  warnings: string[];
}

export interface FetchOutcome {
  fetched: Fetched[];
  /** Batch refused or failed: `unknown` when it does not know the id (its stats answer 400 then). The MCP layer words the error. */
  failed: Array<Target & { unknown: boolean; error: BatchApiError }>;
  /** Not asked for before the time budget ran out. */
  notFetched: Target[];
}

/** One orchestration's figures: the range's, and the previous period's when comparing. */
function figuresOf(target: Target, stats: OrchestrationStats, range: StatsRange, previous: Period | undefined): Fetched {
  if (!previous) return { ...target, totals: totalsOf(stats), warnings: stats.warnings };
  const split = splitByPeriod(stats, range, previous);
  return { ...target, totals: totalsOf(split.current), previous: totalsOf(split.previous), warnings: split.current.warnings };
}

/** `previous`: the period to compare with; each request then covers it and the range at once. */
export async function fetchAllStats(targets: readonly Target[], range: StatsRange, projectKey: string | undefined, ctx: CallContext, previous?: Period): Promise<FetchOutcome> {
  const outcome: FetchOutcome = { fetched: [], failed: [], notFetched: [] };
  const signal = ctx.until;
  const from = previous?.from ?? range.from;
  for (const [k, target] of targets.entries()) {
    if (ctx.deadline.expired()) {
      outcome.notFetched = targets.slice(k);
      break;
    }
    try {
      const stats = await ctx.services.stats.get({ orchestrationId: target.id, from, to: range.to }, signal, projectKey);
      outcome.fetched.push(figuresOf(target, stats, range, previous));
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      if (ctx.deadline.expired()) {
        outcome.notFetched = targets.slice(k);
        break;
      }
      // A failure that would repeat for every id fails the call as a whole, with its sentence.
      if (!(error instanceof BatchApiError) || failsForEveryId(error)) throw error;
      const unknown = isUnknownIdAnswer(error);
      outcome.failed.push({ ...target, unknown, error });
    }
    await ctx.progress(k + 1, targets.length, `Stats of ${k + 1} of ${targets.length} orchestrations (${target.name === undefined ? word(target.id, NAME_CHARS) : quote(target.name, NAME_CHARS)})`);
  }
  return outcome;
}
