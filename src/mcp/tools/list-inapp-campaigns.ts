// list_inapp_campaigns: the v1.1 In-App campaigns of the app, newest first.

import { z } from "zod";
import type { InappCampaign } from "../../batch/inapp-campaign.js";
import { INAPP_PAGE_SIZE } from "../../batch/inapp-endpoint.js";
import { allOf, createdBetween, isoDate, nameContains } from "../../workspace/listing/filters.js";
import {
  INAPP_LINE_DEFAULTS,
  inappCampaignLine,
  inappTotals,
  inappTotalsLine,
  summarizeInappCampaign,
  type InappCampaignSummary,
  type InappTotals,
} from "../format/inapp-campaigns.js";
import { listingOutput, pagingInput } from "../listing/schema.js";
import { runListing, type ListingSpec } from "../listing/run-listing.js";
import { inappResource } from "../resources/inapp-campaigns.js";
import { defineTool } from "../tool-definition.js";

const filters = {
  live: z
    .boolean()
    .optional()
    .describe("Sent to Batch: true = running or completed campaigns only, false = stopped or draft only. Omit for all."),
  from_api: z
    .boolean()
    .optional()
    .describe("Sent to Batch: true = campaigns created through the API only, false = created in the dashboard only. Omit for all."),
  name_contains: z.string().min(1).max(200).optional().describe('Keep campaigns whose name contains this text, case-insensitive (applied locally), e.g. "welcome".'),
  created_after: isoDate.optional().describe("Keep campaigns created on or after this ISO date/time (applied locally), e.g. 2025-06-01."),
  created_before: isoDate.optional().describe("Keep campaigns created before this ISO date/time (applied locally), e.g. 2025-07-01."),
};

const query = z.object(filters);
type Query = z.infer<typeof query>;

const summary = z.object({
  token: z.string().describe("The campaign token."),
  name: z.string(),
  live: z.boolean().describe("Running or completed (true), stopped or draft (false)."),
  from_api: z.boolean(),
  dev_only: z.boolean().describe("Shown to developer devices only."),
  created_date: z.string().optional(),
  end_date: z.string().optional(),
  past_end_date: z.literal(true).optional().describe("Live although its end date has passed."),
  trigger: z.string().optional().describe('When it shows, in words: "next_session, at most 10 times, every 2 hours".'),
  targeting: z.string().describe('"everyone", or "query: " and what the targeting query tests.'),
  uri: z.string().describe("Resource URI with the full campaign."),
  handle: z.string().describe("The short token prefix the text names it by; accepted wherever the token is."),
});

const totals = z.object({
  live: z.number().int(),
  not_live: z.number().int(),
  live_past_end_date: z.number().int().describe("Live campaigns whose end date has passed."),
  dev_only: z.number().int().describe("Campaigns shown to developer devices only."),
  from_api: z.number().int().describe("Campaigns created through the API (the rest were made in the dashboard)."),
});

const clientSideFilters = (q: Query) => Boolean(q.name_contains || q.created_after || q.created_before);

const spec: ListingSpec<InappCampaign, Query, InappCampaignSummary, InappTotals> = {
  tool: "list_inapp_campaigns",
  noun: "in-app campaigns",
  itemsKey: "campaigns",
  query,
  pages: (services, q, start, signal, want) =>
    services.client.inappCampaignPages({ live: q.live, from_api: q.from_api }, start, signal, {
      concurrency: services.config.inappConcurrency,
      // With local filters, how many pages hold `want` matches is unknown: keep the window full.
      pagesWanted: clientSideFilters(q) ? Number.POSITIVE_INFINITY : Math.ceil(want / INAPP_PAGE_SIZE),
    }),
  matches: (q) =>
    allOf<InappCampaign>(
      nameContains(q.name_contains, (c) => c.name),
      createdBetween(q.created_after, q.created_before, (c) => c.created_date),
    ),
  created: (c) => c.created_date,
  summarize: (c, handle) => summarizeInappCampaign(c, handle),
  line: inappCampaignLine,
  lineDefaults: INAPP_LINE_DEFAULTS,
  totals: inappTotals,
  totalsLine: inappTotalsLine,
  // 100 pages = 10,000 campaigns scanned per call; v1.1 is not paced, pages come 4 at a time.
  maxPages: 100,
  resource: inappResource,
};

export const listInappCampaigns = defineTool({
  name: "list_inapp_campaigns",
  title: "List Batch in-app campaigns",
  description:
    "List the app's In-App campaigns (Batch's v1.1 In-App API), newest first, with live state, end date, trigger (when, capping, grace period) and targeting. " +
    'Use it for questions like "which in-app messages are live?" or "are any in-app campaigns still live past their end date?". ' +
    `Returns a compact summary (live/not live counts, one line per campaign, flagging live campaigns past their end date) and structured data; at most max_results items (default 100, pages of ${INAPP_PAGE_SIZE}), with a cursor to continue when more match.`,
  input: { ...filters, ...pagingInput },
  output: listingOutput("campaigns", summary, totals),
  handler: ({ max_results, cursor, totals_only, ...q }, ctx) => runListing(spec, { query: q, max_results, cursor, totals_only }, ctx),
});
