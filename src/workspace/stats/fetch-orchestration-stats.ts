// One orchestration's stats over a range: check the range, resolve the id, ask once
// through the stats cache, and find the name and type Batch's stats do not carry. With a
// comparison, the one request covers the previous period too and is split here by date.
// Shared by get_orchestration_stats and the batch://orchestrations/{id}/stats resource.

import { parseOrchestration } from "../../batch/orchestration.js";
import { resolveStatsRange, utcDay, type StatsRange } from "../../batch/stats-range.js";
import type { OrchestrationStats } from "../../batch/stats.js";
import { previousPeriodPlan, splitByPeriod, type CompareTo, type Period } from "../../insights/periods.js";
import type { GroupBy } from "../../insights/stats-report.js";
import { orchestrationRef } from "../handles/refs.js";
import { requireRef } from "../handles/resolve.js";
import { InputError } from "../input-error.js";
import { orchestrationKind } from "../kinds/orchestrations.js";
import { orchestrationUri } from "../kinds/uris.js";
import type { Services } from "../services.js";

export interface StatsRequest {
  /** An orchestration id or its batch://orchestrations/{id} URI. */
  orchestration_id: string;
  /** yyyy-MM-dd; defaults in resolveStatsRange. */
  from?: string | undefined;
  to?: string | undefined;
  groupBy: GroupBy;
  projectKey?: string | undefined;
  /** Also fetch the period to compare with, in the same request. */
  compareTo?: CompareTo | undefined;
}

/** What a stats report is built from. */
export interface FetchedStats {
  id: string;
  uri: string;
  name: string | undefined;
  range: StatsRange;
  /** The range's stats (only the current period's days when comparing). */
  stats: OrchestrationStats;
  /** The orchestration's type, when this session has listed it: silences are looked for in recurring sends and triggers. */
  type: string | undefined;
  /** Today (UTC), as the range was resolved against it. */
  today: string;
  /** The previous period's stats, split from the same answer, when comparing and Batch keeps some of it. */
  previous?: { stats: OrchestrationStats; period: Period };
  /** Sentences about the previous period (shortened by Batch's limit, or missing). */
  periodNotes: string[];
}

/** Throws InputError for arguments that cannot work and BatchApiError for Batch's failures. */
export async function fetchOrchestrationStats(services: Services, request: StatsRequest, signal?: AbortSignal, now = new Date()): Promise<FetchedStats> {
  const today = utcDay(now);
  const resolved = resolveStatsRange({ from: request.from, to: request.to }, today);
  if (!resolved.ok) throw new InputError(resolved.problem);
  const { range } = resolved;
  const plan = request.compareTo === undefined ? undefined : previousPeriodPlan(range, today);
  const asked = plan?.request ?? range;
  // Dates first: a handle may cost a search of Batch's list, not worth it for a range that cannot work.
  const id = await requireRef(orchestrationRef, services, request.orchestration_id, signal, request.projectKey);
  const stats = await services.stats.get(
    // Per-platform figures rest on a parameter Batch's own pages do not confirm: ask only when wanted.
    { orchestrationId: id, from: asked.from, to: asked.to, includePlatforms: request.groupBy === "platform" },
    signal,
    request.projectKey,
  );
  // Batch's stats carry no name or type; a listing earlier in the session may have seen them.
  const uri = orchestrationUri(id, services.uriBase);
  const cached = services.cache.get(uri);
  const name = cached?.name ?? services.handles.for(orchestrationKind).name(id);
  const type = cached && parseOrchestration(cached.raw)?.type;
  const base = { id, uri, name, range, type, today, periodNotes: plan?.notes ?? [] };
  if (!plan?.previous) return { ...base, stats };
  const split = splitByPeriod(stats, range, plan.previous);
  return { ...base, stats: split.current, previous: { stats: split.previous, period: plan.previous } };
}
