// The audit's performance pass: the last 30 days of stats of running orchestrations (up
// to 100), read through the stats cache at Batch's pace within the time budget. What the
// budget does not cover is queued for background fetching, so the next audit has it.

import type { Deadline } from "../../batch/deadline.js";
import { describeBudget, untilDeadline } from "../../batch/deadline.js";
import { BatchApiError, failsForEveryId } from "../../batch/errors.js";
import type { Orchestration } from "../../batch/orchestration.js";
import { DEFAULT_STATS_DAYS, resolveStatsRange, utcDay, type StatsRange } from "../../batch/stats-range.js";
import type { OrchestrationStats } from "../../batch/stats.js";
import { describeBatchError } from "../error-messages.js";
import { NAME_CHARS, quote } from "../format/quote.js";
import { plural } from "../format/text.js";
import { orchestrationResource } from "../resources/orchestrations.js";
import type { Services } from "../services.js";

/** Running orchestrations whose stats one audit reads. */
export const PERFORMANCE_MAX = 100;
/** Not-audited orchestrations named in the text before counting the rest. */
const NOT_AUDITED_SHOWN = 10;

export interface PerformanceRead {
  range: StatsRange;
  stats: Map<string, OrchestrationStats>;
  /** Lines for the audit text: what was read, what was not and why. */
  lines: string[];
}

/** Per orchestration: read (from the cache when it can), failed with a reason, or left for the background. */
export async function readPerformance(services: Services, orchestrations: readonly Orchestration[], deadline: Deadline, signal: AbortSignal, now = new Date()): Promise<PerformanceRead> {
  const resolved = resolveStatsRange({}, utcDay(now));
  if (!resolved.ok) throw new Error(resolved.problem); // the default range always resolves
  const range = resolved.range;
  const running = orchestrations.filter((o) => o.status === "running");
  const wanted = running.slice(0, PERFORMANCE_MAX);
  const stats = new Map<string, OrchestrationStats>();
  const failed: Array<{ o: Orchestration; reason: string }> = [];
  const left: Orchestration[] = [];
  const both = untilDeadline(signal, deadline);
  const query = (o: Orchestration) => ({ orchestrationId: o.id, from: range.from, to: range.to });
  let fatal: string | undefined;
  for (const o of wanted) {
    if (fatal !== undefined) {
      failed.push({ o, reason: fatal });
      continue;
    }
    if (deadline.expired()) {
      left.push(o);
      continue;
    }
    try {
      stats.set(o.id, await services.stats.get(query(o), both));
    } catch (error) {
      if (signal.aborted) throw error;
      if (deadline.expired()) left.push(o);
      else if (!(error instanceof BatchApiError)) throw error;
      else {
        failed.push({ o, reason: describeBatchError(error) });
        // A key problem would repeat for every one: say it once per orchestration, ask no more.
        if (failsForEveryId(error)) fatal = describeBatchError(error);
      }
    }
  }
  services.prefetch.enqueue(left.map((o) => ({ query: query(o) })));
  const handles = services.handles.for(orchestrationResource);
  const lines = [
    `performance over the last ${DEFAULT_STATS_DAYS} days (${range.from} to ${range.to}): stats of ${stats.size} of ${plural(running.length, "running orchestration")} read` +
      (running.length > wanted.length ? `; the audit reads at most ${PERFORMANCE_MAX}, so ${running.length - wanted.length} were not looked at` : ""),
    ...(left.length
      ? [`${plural(left.length, "orchestration")} still being fetched in the background (the time budget of ${describeBudget(deadline.budgetMs)} ran out, at Batch's pace of about 1 request/s); ask for this audit again in a minute or two to include them.`]
      : []),
    ...failed.slice(0, NOT_AUDITED_SHOWN).map(({ o, reason }) => `not audited for performance: ${quote(o.name, NAME_CHARS)} (${handles.handle(o.id)}): ${reason}`),
    ...(failed.length > NOT_AUDITED_SHOWN ? [`… and ${failed.length - NOT_AUDITED_SHOWN} more not audited for performance, for the same kinds of reason.`] : []),
  ];
  return { range, stats, lines };
}
