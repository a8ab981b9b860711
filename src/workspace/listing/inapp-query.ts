// What selects in-app campaigns: the filters list_inapp_campaigns takes (the project and
// app included), the pages Batch is asked for and the predicates applied locally (as
// orchestration-query.ts does for orchestrations).

import { z } from "zod";
import { INAPP_PAGE_SIZE } from "../../batch/inapp-endpoint.js";
import type { Page } from "../../batch/pages.js";
import { projectInappPages, type AppCampaign } from "../apps/inapp-pages.js";
import { appInput, projectInput } from "../project-input.js";
import type { Services } from "../services.js";
import { allOf, createdBetween, isoDate, nameContains } from "./filters.js";

export const inappFilters = {
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
  project: projectInput,
  app: appInput,
};

export const inappQuery = z.object(inappFilters);
export type InappFilterQuery = z.infer<typeof inappQuery>;

const clientSideFilters = (q: InappFilterQuery) => Boolean(q.name_contains || q.created_after || q.created_before);

/** Batch's pages for the filters Batch applies itself, of the app asked for or of every app
 *  merged; `want` sizes the window of pages asked at once (per app). */
export function inappQueryPages(services: Services, q: InappFilterQuery, start: string | undefined, signal: AbortSignal, want: number): AsyncIterable<Page<AppCampaign>> {
  // With local filters, how many pages hold `want` matches is unknown: keep the window full.
  const pagesWanted = clientSideFilters(q) ? Number.POSITIVE_INFINITY : Math.ceil(want / INAPP_PAGE_SIZE);
  return projectInappPages(services, { live: q.live, from_api: q.from_api }, start, signal, pagesWanted, q.app);
}

/** The filters Batch does not offer, applied locally. */
export function inappMatches(q: InappFilterQuery): (c: AppCampaign) => boolean {
  return allOf<AppCampaign>(
    nameContains(q.name_contains, (c) => c.name),
    createdBetween(q.created_after, q.created_before, (c) => c.created_date),
  );
}
