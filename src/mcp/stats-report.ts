// A stats report: the fetched figures (src/workspace/stats/) with the judgement of
// src/insights (the comparison when asked, unusual days always) and the notes worth
// saying about the range. Shared by
// get_orchestration_stats and the batch://orchestrations/{id}/stats resource.

import { buildStatsReport, type StatsReport } from "../insights/stats-report.js";
import { fetchOrchestrationStats, type StatsRequest } from "../workspace/stats/fetch-orchestration-stats.js";
import type { Services } from "../workspace/services.js";
import { rangeNotes } from "./format/stats.js";

/** Throws InputError for arguments that cannot work and BatchApiError for Batch's failures. */
export async function fetchStatsReport(services: Services, request: StatsRequest, signal?: AbortSignal, now = new Date()): Promise<StatsReport> {
  const { id, uri, name, range, stats, type, today, previous, periodNotes } = await fetchOrchestrationStats(services, request, signal, now);
  return buildStatsReport({
    id,
    uri,
    name,
    range,
    groupBy: request.groupBy,
    stats,
    warnings: services.config.warnings,
    notes: [...rangeNotes(range), ...periodNotes],
    ...(previous && { previous }),
    // Batch's figures are daily, so unusual days are always looked for.
    anomalies: { type, today },
  });
}

/** The last 30 days of one orchestration, daily series included, as JSON text: the body of its stats resource. */
export async function orchestrationStatsJson(services: Services, id: string, signal?: AbortSignal): Promise<string> {
  const report = await fetchStatsReport(services, { orchestration_id: id, groupBy: "day" }, signal);
  return JSON.stringify(report, null, 2);
}
