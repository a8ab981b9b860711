// A project's in-app campaigns: those of one app, or of all its apps merged newest first
// (merge-pages.ts). When the project has several apps, each campaign says whose it is.
// Listings, the handle search, resource reads and the audit all read in-app campaigns here.

import { batchTime } from "../../batch/dates.js";
import type { InappCampaign } from "../../batch/inapp-campaign.js";
import { positionOf, type InappQuery } from "../../batch/inapp-endpoint.js";
import type { Page } from "../../batch/pages.js";
import { resolveApps, type AppConfig } from "../../projects/index.js";
import type { Services } from "../services.js";
import { mergePages } from "./merge-pages.js";

/** An in-app campaign and, in a project of several apps, the name of its app. */
export type AppCampaign = InappCampaign & { readonly app?: string };

async function* tagged(pages: AsyncIterable<Page<InappCampaign>>, app: string): AsyncGenerator<Page<AppCampaign>> {
  for await (const page of pages) yield { ...page, items: page.items.map((c): AppCampaign => ({ ...c, app })) };
}

const created = (c: AppCampaign) => (c.created_date === undefined ? Number.NaN : batchTime(c.created_date));

/**
 * The campaigns of the app named `app`, or of every app of the project merged newest first,
 * from `start` (a position a page gave; undefined = the first). `pagesWanted`: how many pages
 * of each app the caller expects to read, so that they are asked for ahead, several at once.
 * Throws ProjectLookupError for an app the project does not have, or a project without apps.
 */
export function projectInappPages(
  services: Services,
  query: InappQuery,
  start: string | undefined,
  signal: AbortSignal | undefined,
  pagesWanted: number,
  app?: string,
): AsyncIterable<Page<AppCampaign>> {
  const { project, client, config } = services;
  const apps = resolveApps(project, app);
  const parallel = { concurrency: config.inappConcurrency, pagesWanted };
  const pagesOf = (a: AppConfig, from: string | undefined) => {
    const pages = client.inappCampaignPages(query, from, signal, parallel, a.apiKey);
    return project.apps.length > 1 ? tagged(pages, a.name) : pages;
  };
  const [only] = apps;
  if (only && apps.length === 1) return pagesOf(only, start);
  // Each app's next pages are asked for as its pages arrive, up to its page window, never past what the caller expects to read.
  const ahead = Math.max(0, Math.min(config.inappConcurrency, pagesWanted) - 1);
  return mergePages(apps.map((a) => ({ pages: (offset: number) => pagesOf(a, positionOf(offset)) })), start, created, ahead);
}
