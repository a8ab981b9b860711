// One orchestration's stats over a range: check the range, resolve the id, ask once
// through the stats cache, and find the name Batch's stats do not carry. Shared by
// get_orchestration_stats and the batch://orchestrations/{id}/stats resource.

import { resolveStatsRange, utcDay, type StatsRange } from "../../batch/stats-range.js";
import type { OrchestrationStats } from "../../batch/stats.js";
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
}

/** What a stats report is built from. */
export interface FetchedStats {
  id: string;
  uri: string;
  name: string | undefined;
  range: StatsRange;
  stats: OrchestrationStats;
}

/** Throws InputError for arguments that cannot work and BatchApiError for Batch's failures. */
export async function fetchOrchestrationStats(services: Services, request: StatsRequest, signal?: AbortSignal, now = new Date()): Promise<FetchedStats> {
  const resolved = resolveStatsRange({ from: request.from, to: request.to }, utcDay(now));
  if (!resolved.ok) throw new InputError(resolved.problem);
  const { range } = resolved;
  // Dates first: a handle may cost a search of Batch's list, not worth it for a range that cannot work.
  const id = await requireRef(orchestrationRef, services, request.orchestration_id, signal, request.projectKey);
  const stats = await services.stats.get(
    // Per-platform figures rest on a parameter Batch's own pages do not confirm: ask only when wanted.
    { orchestrationId: id, from: range.from, to: range.to, includePlatforms: request.groupBy === "platform" },
    signal,
    request.projectKey,
  );
  // Batch's stats carry no name; a listing earlier in the session may have seen it.
  const uri = orchestrationUri(id, services.uriBase);
  const name = services.cache.get(uri)?.name ?? services.handles.for(orchestrationKind).name(id);
  return { id, uri, name, range, stats };
}
