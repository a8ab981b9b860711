// GET {base}/{version}/orchestrations/stats: request building and tolerant parsing.
// The 200 body is "one of" several shapes and only the campaign one is documented
// (`details[]` of days with `versions[]`). The parser reads that one, a trigger-like one
// with steps (per entry or at the top level), and otherwise sums whatever numeric fields
// it finds rather than failing: only a body that is not a JSON object is an error.

import { BatchApiError } from "./errors.js";
import { firstOf, isRecord, num, str, type Json } from "./json.js";
import { sumBy, sumMetrics, type Metrics, type OrchestrationStats, type StatsEntry, type StepFigures, type VersionFigures } from "./stats.js";

export interface StatsQuery {
  orchestrationId: string;
  /** yyyy-MM-dd, inclusive. */
  from: string;
  /** yyyy-MM-dd, inclusive. */
  to: string;
  /** Ask for per-platform entries (an optional parameter Batch's pages do not confirm). */
  includePlatforms?: boolean;
}

export function orchestrationStatsUrl(base: string, version: string, query: StatsQuery): URL {
  const url = new URL(`${base}/${encodeURIComponent(version)}/orchestrations/stats`);
  url.searchParams.set("orchestration_id", query.orchestrationId);
  url.searchParams.set("from", query.from);
  url.searchParams.set("to", query.to);
  if (query.includePlatforms) url.searchParams.set("include_platforms", "true");
  return url;
}

// Fields that name a row rather than count something; every other numeric field is a metric.
const LABEL_FIELDS = new Set(["id", "date", "day", "platform", "version", "step_id", "message_step_id", "step", "step_name", "name", "label"]);

function metricsOf(record: Json): Metrics {
  const metrics: Metrics = {};
  for (const key in record) {
    const n = LABEL_FIELDS.has(key) ? undefined : num(record[key]);
    if (n !== undefined) metrics[key] = n;
  }
  return metrics;
}

/** A row's own figures win; figures it lacks are the sum of its parts (steps, versions). */
function withParts(own: Metrics, parts: readonly Metrics[]): Metrics {
  return parts.length ? { ...sumMetrics(parts), ...own } : own;
}

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function label(value: unknown): string | undefined {
  return str(value) ?? num(value)?.toString();
}

/** The same label twice (in two steps, say) is one version. */
function mergeVersions(versions: readonly VersionFigures[]): VersionFigures[] {
  return sumBy(versions, (v) => v.version, (v) => v.metrics).map((g) => ({ version: g.label, metrics: g.metrics }));
}

function parseVersions(value: unknown): VersionFigures[] {
  return mergeVersions(records(value).map((v, k) => ({ version: label(v.version) ?? label(v.name) ?? `#${k + 1}`, metrics: metricsOf(v) })));
}

type StepNames = Pick<StepFigures, "step_id" | "step_name">;

/** A step's id and name under the spellings a trigger answer may use; its position when it has neither. */
function stepNames(record: Json, index: number): StepNames {
  const id = label(firstOf(record, "step_id", "message_step_id", "step", "id"));
  const name = str(firstOf(record, "step_name", "name", "label"));
  const stepId = id ?? (name === undefined ? `#${index + 1}` : undefined);
  return { ...(stepId !== undefined && { step_id: stepId }), ...(name !== undefined && { step_name: name }) };
}

function parseStep(record: Json, index: number, names = stepNames(record, index)): StepFigures {
  const versions = parseVersions(record.versions);
  return { ...names, metrics: withParts(metricsOf(record), versions.map((v) => v.metrics)), versions };
}

function parseEntry(record: Json): StatsEntry {
  const steps = records(record.steps).map((step, k) => parseStep(step, k));
  const ownVersions = parseVersions(record.versions);
  const versions = ownVersions.length ? ownVersions : mergeVersions(steps.flatMap((s) => s.versions));
  const parts = steps.length ? steps.map((s) => s.metrics) : versions.map((v) => v.metrics);
  const date = str(record.date) ?? str(record.day);
  const platform = str(record.platform);
  return {
    ...(date !== undefined && { date: date.slice(0, 10) }),
    ...(platform !== undefined && { platform: platform.toLowerCase() }),
    metrics: withParts(metricsOf(record), parts),
    versions,
    steps,
  };
}

/** Top-level `steps`, each with its own daily `details` or its own totals, as entries. */
function stepEntries(steps: Json[]): StatsEntry[] {
  return steps.flatMap((step, k) => {
    const names = stepNames(step, k);
    const days = records(step.details);
    const rows = days.length ? days : [step];
    return rows.map((row) => {
      const figures = parseStep(row, k, names);
      const date = str(row.date) ?? str(row.day);
      return { ...(date !== undefined && { date: date.slice(0, 10) }), metrics: figures.metrics, versions: figures.versions, steps: [figures] };
    });
  });
}

function invalid(message: string): BatchApiError {
  return new BatchApiError({ kind: "invalid-response", api: "v2", operation: "get orchestration stats", retryable: false, batchMessage: message });
}

function hasFigures(entry: StatsEntry): boolean {
  return Object.keys(entry.metrics).length > 0;
}

export function parseOrchestrationStats(body: unknown): OrchestrationStats {
  if (!isRecord(body)) throw invalid("the response is not a JSON object");
  const id = str(body.id);
  const result = (entries: StatsEntry[], warnings: string[] = []): OrchestrationStats => ({ ...(id && { id }), entries, warnings });
  if (Array.isArray(body.details)) {
    const entries = records(body.details).map(parseEntry);
    const skipped = body.details.length - entries.length;
    const one = skipped === 1;
    return result(entries, skipped ? [`${skipped} ${one ? "entry" : "entries"} of \`details\` ${one ? "was not an object and was" : "were not objects and were"} skipped.`] : []);
  }
  if (Array.isArray(body.steps)) return result(stepEntries(records(body.steps)));
  const whole = parseEntry(body);
  if (hasFigures(whole)) return result([whole]);
  // Last resort: the first array of objects under any name, summed like `details`.
  const other = Object.entries(body).find(([, value]) => records(value).length > 0);
  if (other) {
    const [key, value] = other;
    return result(records(value).map(parseEntry), [`Batch's answer had no \`details\`; the figures were summed from \`${key}\`.`]);
  }
  return result([], ["Batch's answer held no figures this server recognises."]);
}
