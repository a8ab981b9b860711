// list_orchestrations: campaigns, recurring, trigger automations and warmups of a project.

import { z } from "zod";
import type { Orchestration } from "../../batch/orchestration.js";
import { ORCHESTRATION_CHANNELS, ORCHESTRATION_STATUSES, ORCHESTRATION_TYPES } from "../../batch/orchestration.js";
import { ORCHESTRATIONS_PAGE_SIZE } from "../../batch/orchestrations-endpoint.js";
import { allOf, anyLabel, createdBetween, isoDate, nameContains } from "../filters.js";
import {
  orchestrationLine,
  orchestrationTotals,
  orchestrationTotalsLine,
  summarizeOrchestration,
} from "../format/orchestrations.js";
import { counts, listingOutput, pagingInput } from "../listing-schema.js";
import { runListing, type ListingSpec } from "../listing.js";
import { orchestrationResource } from "../resources/orchestrations.js";
import { defineTool } from "../tool-definition.js";
import { projectKeyInput } from "../project-key-input.js";

const CHANNEL_INPUTS = [...ORCHESTRATION_CHANNELS, "in_app"] as const;

const filters = {
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
  labels: z
    .array(z.string().min(1).max(200))
    .min(1)
    .max(50)
    .optional()
    .describe('Keep orchestrations carrying any of these labels, case-insensitive (applied locally), e.g. ["NEWSLETTER"].'),
  created_after: isoDate.optional().describe("Keep orchestrations created on or after this ISO date/time (applied locally), e.g. 2025-06-01."),
  created_before: isoDate.optional().describe("Keep orchestrations created before this ISO date/time (applied locally), e.g. 2025-07-01."),
  project_key: projectKeyInput,
};

const query = z.object(filters);
type Query = z.infer<typeof query>;

const summary = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  status: z.string(),
  channels: z.array(z.string()),
  platforms: z.array(z.string()).optional(),
  labels: z.array(z.string()).optional(),
  source: z.string().optional(),
  created_date: z.string().optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  recurrence: z.object({ unit: z.string().optional(), frequency: z.number().optional(), end_time: z.string().optional() }).optional(),
  capping: z.number().optional(),
  message_steps: z.number().optional().describe("Number of message steps (trigger automations)."),
  uri: z.string().describe("Resource URI with the full object."),
});

const totals = z.object({ by_status: counts, by_type: counts, by_channel: counts });

const spec: ListingSpec<Orchestration, Query, z.infer<typeof summary>, z.infer<typeof totals>> = {
  tool: "list_orchestrations",
  noun: "orchestrations",
  itemsKey: "orchestrations",
  query,
  pages: (services, q, start, signal) =>
    services.client.orchestrationPages(
      { status: q.status, type: q.type, channels: q.channels?.map((c) => (c === "in_app" ? "in-app" : c)) },
      start,
      signal,
      q.project_key,
    ),
  matches: (q) =>
    allOf<Orchestration>(
      nameContains(q.name_contains, (o) => o.name),
      anyLabel(q.labels, (o) => o.labels),
      createdBetween(q.created_after, q.created_before, (o) => o.created_date),
    ),
  key: (o) => o.id,
  summarize: summarizeOrchestration,
  line: orchestrationLine,
  totals: orchestrationTotals,
  totalsLine: orchestrationTotalsLine,
  note: (q) => (q.status ? undefined : "(Batch lists running and completed ones unless `status` says otherwise.)"),
  // 50 pages = 5,000 orchestrations scanned per call: about a minute at Batch's 1 request/s.
  maxPages: 50,
  resource: orchestrationResource,
};

export const listOrchestrations = defineTool({
  name: "list_orchestrations",
  title: "List Batch orchestrations",
  description:
    "List a Batch project's orchestrations (one-time campaigns, recurring campaigns, trigger automations, warmups) with status, channels, dates, recurrence and labels. " +
    "Use it for questions like \"which push campaigns are running?\" or \"what did we send with the NEWSLETTER label in June?\". " +
    `Returns a compact summary (counts by status/type/channel, one line per orchestration) and structured data; at most max_results items (default 100, pages of ${ORCHESTRATIONS_PAGE_SIZE}), with a cursor to continue when more match.`,
  input: { ...filters, ...pagingInput },
  output: listingOutput("orchestrations", summary, totals),
  ui: "timeline",
  handler: ({ max_results, cursor, ...q }, ctx) => runListing(spec, { query: q, max_results, cursor }, ctx),
});
