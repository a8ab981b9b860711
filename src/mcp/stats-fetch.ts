// Fetching a stats report: resolve the id and the range, ask Batch once, build the report.
// Shared by get_orchestration_stats and the batch://orchestrations/{id}/stats resource.

import { resolveStatsRange, utcDay } from "../batch/stats-range.js";
import { buildStatsReport, type GroupBy, type StatsReport } from "../insights/stats-report.js";
import { orchestrationUri } from "../workspace/kinds/uris.js";
import { rangeNotes } from "./format/stats.js";
import { InputError } from "../workspace/input-error.js";
import { requireRef } from "../workspace/handles/resolve.js";
import { orchestrationKind, orchestrationRef } from "../workspace/kinds/orchestrations.js";
import type { Services } from "../workspace/services.js";

export interface StatsRequest {
  /** An orchestration id or its batch://orchestrations/{id} URI. */
  orchestration_id: string;
  /** yyyy-MM-dd; defaults in resolveStatsRange. */
  from?: string | undefined;
  to?: string | undefined;
  groupBy: GroupBy;
  projectKey?: string | undefined;
}

/** Throws InputError for arguments that cannot work and BatchApiError for Batch's failures. */
export async function fetchStatsReport(services: Services, request: StatsRequest, signal?: AbortSignal, now = new Date()): Promise<StatsReport> {
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
  const name = services.cache.get(orchestrationUri(id))?.name ?? services.handles.for(orchestrationKind).name(id);
  return buildStatsReport({
    id,
    uri: orchestrationUri(id),
    name,
    range,
    groupBy: request.groupBy,
    stats,
    warnings: services.config.warnings,
    notes: rangeNotes(range),
  });
}

/** The last 30 days of one orchestration, daily series included, as JSON text: the body of its stats resource. */
export async function orchestrationStatsJson(services: Services, id: string, signal?: AbortSignal): Promise<string> {
  const report = await fetchStatsReport(services, { orchestration_id: id, groupBy: "day" }, signal);
  return JSON.stringify(report, null, 2);
}
