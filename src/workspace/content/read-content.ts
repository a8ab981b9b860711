// One campaign's copy: an orchestration's from the 2.x view route (one-time push campaigns
// only), an in-app campaign's from its landing (the v1.1 GET by token), through the content
// cache. An orchestration this server has listed and knows to be of another kind costs no
// request: the answer says what Batch's API cannot show instead.

import { inappContent, type CampaignContent } from "../../batch/content.js";
import { BatchApiError } from "../../batch/errors.js";
import { parseOrchestration, type Orchestration } from "../../batch/orchestration.js";
import { hasContentRoute, routeGap } from "../../insights/copy-scope.js";
import { inappKind } from "../kinds/inapp-campaigns.js";
import { orchestrationKind } from "../kinds/orchestrations.js";
import { remember } from "../kinds/remember.js";
import { orchestrationUri } from "../kinds/uris.js";
import type { Services } from "../services.js";
import type { ContentHit, ContentKey } from "../state/content-cache.js";
import type { ContentRef } from "./content-ref.js";

export type ContentRead =
  | ({ ok: true } & ContentHit)
  /** A listed orchestration of a kind Batch's view route does not serve: nothing was asked. */
  | { ok: false; orchestration: Orchestration; gap: string };

/** The orchestration as this server last listed it, when it has. */
export function listedOrchestration(services: Services, id: string): Orchestration | undefined {
  const cached = services.cache.get(orchestrationUri(id));
  return cached && parseOrchestration(cached.raw);
}

/** The cache key of one campaign's copy: orchestrations per project key, in-app campaigns per (the configured) app. */
export function contentKey(services: Services, ref: Pick<ContentRef, "kind" | "id">, projectKey?: string): ContentKey {
  const scope = ref.kind === "orchestration" ? (projectKey ?? services.config.projectKey ?? "") : "";
  return { kind: ref.kind, id: ref.id, scope };
}

/** Asks Batch for the copy (no cache): the view route, or the GET by token whose 404 means an unknown token. */
export async function fetchContent(services: Services, ref: Pick<ContentRef, "kind" | "id">, signal?: AbortSignal, projectKey?: string): Promise<CampaignContent> {
  if (ref.kind === "orchestration") {
    const content = await services.client.orchestrationContent(ref.id, signal, projectKey);
    services.handles.for(orchestrationKind).add(ref.id, content.name);
    return content;
  }
  try {
    const campaign = await services.client.inappCampaign(ref.id, signal);
    remember(services, inappKind, [campaign]);
    return inappContent(campaign);
  } catch (error) {
    if (!(error instanceof BatchApiError && error.status === 404)) throw error;
    throw error.with({ subject: { noun: inappKind.noun, id: services.client.redact(ref.id) }, reason: "unknown_id" });
  }
}

/** From the content cache, else from Batch. */
export function loadContent(services: Services, ref: Pick<ContentRef, "kind" | "id">, signal?: AbortSignal, projectKey?: string): Promise<ContentHit> {
  return services.contents.get(contentKey(services, ref, projectKey), (s) => fetchContent(services, ref, s, projectKey), signal);
}

/** Throws BatchApiError for Batch's failures (with a reason when the route told one). */
export async function readContent(services: Services, ref: ContentRef, signal?: AbortSignal, projectKey?: string): Promise<ContentRead> {
  if (ref.kind === "orchestration") {
    const listed = listedOrchestration(services, ref.id);
    if (listed && !hasContentRoute(listed)) return { ok: false, orchestration: listed, gap: routeGap(listed) };
  }
  return { ok: true, ...(await loadContent(services, ref, signal, projectKey)) };
}
