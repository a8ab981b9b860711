// list_inapp_campaigns: the v1.1 In-App campaigns of an app, or of every app of a project
// merged, newest first.

import { z } from "zod";
import { INAPP_PAGE_SIZE } from "../../batch/inapp-endpoint.js";
import type { AppCampaign } from "../../workspace/apps/inapp-pages.js";
import { inappFilters, inappMatches, inappQuery, inappQueryPages, type InappFilterQuery } from "../../workspace/listing/inapp-query.js";
import {
  inappAppsNote,
  INAPP_LINE_DEFAULTS,
  inappCampaignLine,
  inappTotals,
  inappTotalsLine,
  summarizeInappCampaign,
  type InappCampaignSummary,
  type InappTotals,
} from "../format/inapp-campaigns.js";
import { counts, listingOutput, pagingInput } from "../listing/schema.js";
import { runListing, type ListingSpec } from "../listing/run-listing.js";
import { inappResource } from "../resources/inapp-campaigns.js";
import { defineTool } from "../tool-definition.js";

type Query = InappFilterQuery;

const summary = z.object({
  token: z.string().describe("The campaign token."),
  name: z.string(),
  app: z.string().optional().describe("The app it belongs to, by name (list_projects), when the project has several apps."),
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
  by_app: counts.optional().describe("Campaigns per app, when the project has several apps."),
});

const spec: ListingSpec<AppCampaign, Query, InappCampaignSummary, InappTotals> = {
  tool: "list_inapp_campaigns",
  noun: "in-app campaigns",
  itemsKey: "campaigns",
  query: inappQuery,
  pages: inappQueryPages,
  matches: inappMatches,
  project: (q) => ({ project: q.project }),
  created: (c) => c.created_date,
  summarize: (c, handle, uri) => summarizeInappCampaign(c, handle, Date.now(), uri),
  line: inappCampaignLine,
  lineDefaults: INAPP_LINE_DEFAULTS,
  totals: inappTotals,
  totalsLine: inappTotalsLine,
  // Without `app`, a project of several apps is listed across all of them.
  note: (q, services) => (q.app === undefined ? inappAppsNote(services.project.apps.map((a) => a.name)) : undefined),
  // 100 pages = 10,000 campaigns scanned per call; v1.1 is not paced, pages come 4 at a time.
  maxPages: 100,
  resource: inappResource,
};

export const listInappCampaigns = defineTool({
  name: "list_inapp_campaigns",
  title: "List Batch in-app campaigns",
  description:
    "List the app's In-App campaigns (Batch's v1.1 In-App API), newest first, with live state, end date, trigger (when, capping, grace period) and targeting; " +
    "in a project of several apps, every app's merged (or one, with `app`), each campaign naming its app. " +
    'Use it for questions like "which in-app messages are live?" or "are any in-app campaigns still live past their end date?". ' +
    `Returns a compact summary (live/not live counts, one line per campaign, flagging live campaigns past their end date) and structured data; at most max_results items (default 100, pages of ${INAPP_PAGE_SIZE}), with a cursor to continue when more match.`,
  input: { ...inappFilters, ...pagingInput },
  output: listingOutput("campaigns", summary, totals),
  handler: ({ max_results, cursor, totals_only, ...q }, ctx) => runListing(spec, { query: q, max_results, cursor, totals_only }, ctx),
});
