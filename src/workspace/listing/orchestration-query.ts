// What selects orchestrations: the filters list_orchestrations takes, the pages Batch is
// asked for and the predicates applied locally. compare_orchestrations selects with the
// same ones, so the two tools cannot drift apart.

import { z } from "zod";
import type { Orchestration } from "../../batch/orchestration.js";
import { ORCHESTRATION_CHANNELS, ORCHESTRATION_STATUSES, ORCHESTRATION_TYPES } from "../../batch/orchestration.js";
import type { Page } from "../../batch/pages.js";
import { projectInput } from "../project-input.js";
import { projectKeyInput } from "../project-key-input.js";
import type { Services } from "../services.js";
import { allOf, anyLabel, createdBetween, isoDate, nameContains } from "./filters.js";

const CHANNEL_INPUTS = [...ORCHESTRATION_CHANNELS, "in_app"] as const;

export const orchestrationFilters = {
  status: z
    .array(z.enum(ORCHESTRATION_STATUSES))
    .min(1)
    .optional()
    .describe('Statuses to include, sent to Batch. Batch\'s default when omitted is ["running", "completed"]: pass ["draft"] or ["stopped"] explicitly to see those.'),
  type: z
    .array(z.enum(ORCHESTRATION_TYPES))
    .min(1)
    .optional()
    .describe('Orchestration types to include, sent to Batch (default all). "campaign" is a one-time send, "trigger" an automation.'),
  channels: z
    .array(z.enum(CHANNEL_INPUTS))
    .min(1)
    .optional()
    .describe('Channels to include, sent to Batch (default all), e.g. ["push"] or ["email", "sms"].'),
  name_contains: z.string().min(1).max(200).optional().describe('Keep orchestrations whose name contains this text, case-insensitive (applied locally), e.g. "black friday".'),
  // Bounded so that a cursor, which carries the query, stays short enough to show and to pass back.
  labels: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(20)
    .optional()
    .describe('Keep orchestrations carrying any of these labels, case-insensitive (applied locally), e.g. ["NEWSLETTER"].'),
  created_after: isoDate.optional().describe("Keep orchestrations created on or after this ISO date/time (applied locally), e.g. 2025-06-01."),
  created_before: isoDate.optional().describe("Keep orchestrations created before this ISO date/time (applied locally), e.g. 2025-07-01."),
  project: projectInput,
  project_key: projectKeyInput,
};

export const orchestrationQuery = z.object(orchestrationFilters);
export type OrchestrationFilterQuery = z.infer<typeof orchestrationQuery>;

/** Batch's pages for the filters Batch applies itself. */
export function orchestrationQueryPages(services: Services, q: OrchestrationFilterQuery, start: string | undefined, signal: AbortSignal): AsyncIterable<Page<Orchestration>> {
  return services.client.orchestrationPages(
    { status: q.status, type: q.type, channels: q.channels?.map((c) => (c === "in_app" ? "in-app" : c)) },
    start,
    signal,
    q.project_key,
  );
}

/** The filters Batch does not offer, applied locally. */
export function orchestrationMatches(q: OrchestrationFilterQuery): (o: Orchestration) => boolean {
  return allOf<Orchestration>(
    nameContains(q.name_contains, (o) => o.name),
    anyLabel(q.labels, (o) => o.labels),
    createdBetween(q.created_after, q.created_before, (o) => o.created_date),
  );
}
