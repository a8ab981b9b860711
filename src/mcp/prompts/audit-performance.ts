// The audit's performance pass in words: what was read (src/workspace/audit/
// read-performance.ts), what is still being fetched, and what could not be read and why.

import { describeBudget } from "../../batch/deadline.js";
import { addDays, daysBetween, DEFAULT_STATS_DAYS } from "../../batch/stats-range.js";
import { PERFORMANCE_MAX, type PerformanceRead } from "../../workspace/audit/read-performance.js";
import { orchestrationKind } from "../../workspace/kinds/orchestrations.js";
import type { Services } from "../../workspace/services.js";
import { describeBatchError } from "../error-messages.js";
import { NAME_CHARS, quote } from "../../text/quote.js";
import { plural } from "../format/text.js";

/** Not-audited orchestrations named in the text before counting the rest. */
const NOT_AUDITED_SHOWN = 10;

export function performanceLines(read: PerformanceRead, services: Services, budgetMs: number): string[] {
  const { range, read: asked, stats, running, notLookedAt, failed, left } = read;
  const handles = services.handles.for(orchestrationKind);
  return [
    `performance over the last ${DEFAULT_STATS_DAYS} days (${range.from} to ${range.to}), against the ${daysBetween(asked.from, range.from)} days before (${asked.from} to ${addDays(range.from, -1)}): stats of ${stats.size} of ${plural(running, "running orchestration")} read` +
      (notLookedAt > 0 ? `; the audit reads at most ${PERFORMANCE_MAX}, so ${notLookedAt} were not looked at` : ""),
    ...(left
      ? [`${plural(left, "orchestration")} still being fetched in the background (the time budget of ${describeBudget(budgetMs)} ran out, at Batch's pace of about 1 request/s); ask for this audit again in a minute or two to include them.`]
      : []),
    ...failed.slice(0, NOT_AUDITED_SHOWN).map(({ o, error }) => `not audited for performance: ${quote(o.name, NAME_CHARS)} (${handles.handle(o.id)}): ${describeBatchError(error)}`),
    ...(failed.length > NOT_AUDITED_SHOWN ? [`… and ${failed.length - NOT_AUDITED_SHOWN} more not audited for performance, for the same kinds of reason.`] : []),
  ];
}
