// list_orchestrations: campaigns, recurring, trigger automations and warmups of a project.

import { z } from "zod";
import type { Orchestration } from "../../batch/orchestration.js";
import { ORCHESTRATIONS_PAGE_SIZE } from "../../batch/orchestrations-endpoint.js";
import {
  orchestrationFilters,
  orchestrationMatches,
  orchestrationQuery,
  orchestrationQueryPages,
  type OrchestrationFilterQuery,
} from "../../workspace/listing/orchestration-query.js";
import {
  orchestrationLine,
  orchestrationTotals,
  orchestrationTotalsLine,
  summarizeOrchestration,
} from "../format/orchestrations.js";
import { counts, listingOutput, pagingInput } from "../listing/schema.js";
import { runListing, type ListingSpec } from "../listing/run-listing.js";
import { orchestrationResource } from "../resources/orchestrations.js";
import { defineTool } from "../tool-definition.js";

type Query = OrchestrationFilterQuery;

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
  handle: z.string().describe("The short id prefix the text names it by; accepted wherever the id is."),
});

const totals = z.object({ by_status: counts, by_type: counts, by_channel: counts });

const spec: ListingSpec<Orchestration, Query, z.infer<typeof summary>, z.infer<typeof totals>> = {
  tool: "list_orchestrations",
  noun: "orchestrations",
  itemsKey: "orchestrations",
  query: orchestrationQuery,
  pages: (services, q, start, signal) => orchestrationQueryPages(services, q, start, signal),
  matches: orchestrationMatches,
  project: (q) => ({ project: q.project, project_key: q.project_key }),
  created: (o) => o.created_date,
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
  input: { ...orchestrationFilters, ...pagingInput },
  output: listingOutput("orchestrations", summary, totals),
  ui: "timeline",
  handler: ({ max_results, cursor, totals_only, ...q }, ctx) => runListing(spec, { query: q, max_results, cursor, totals_only }, ctx),
});
