// Which orchestrations a comparison covers: explicit ids (or URIs), or the listing filters
// of list_orchestrations. Names, types and statuses come from the item cache, or from one
// listing for the ids it lacks, never from one request per id.

import { collect, type Position } from "../../batch/collect.js";
import { parseOrchestration, type Orchestration } from "../../batch/orchestration.js";
import { EVERY_ORCHESTRATION } from "../../batch/orchestrations-endpoint.js";
import { orchestrationUri } from "../kinds/uris.js";
import { orchestrationMatches, orchestrationQueryPages, type OrchestrationFilterQuery } from "../listing/orchestration-query.js";
import { resolveRefs } from "../handles/resolve.js";
import { orchestrationRef } from "../handles/refs.js";
import { orchestrationKind } from "../kinds/orchestrations.js";
import { remember } from "../kinds/remember.js";
import type { Services } from "../services.js";

/** One orchestration to compare; what is known about it besides its id. */
export interface Target {
  id: string;
  name?: string;
  type?: string;
  status?: string;
}

export interface Selection {
  targets: Target[];
  /** Inputs that name no orchestration, with why. */
  invalid: Array<{ input: string; reason: string }>;
  /** Ids selected beyond max_orchestrations, for the cursor. */
  pending: string[];
  /** Where the filtered listing stopped, when more may match. */
  listing?: Position;
  warnings: string[];
}


/** Listing pages read to name ids the cache does not know: 10 pages of 100. */
const NAMING_MAX_PAGES = 10;
/** Listing pages a filtered selection may read in one call, as list_orchestrations. */
const SELECTION_MAX_PAGES = 50;

function targetOf(o: Orchestration): Target {
  return { id: o.id, name: o.name, type: o.type, status: o.status };
}

function fromCache(services: Services, id: string): Target | undefined {
  const raw = services.cache.get(orchestrationUri(id, services.uriBase))?.raw;
  const o = raw === undefined ? undefined : parseOrchestration(raw);
  return o && targetOf(o);
}

/** Names the ids the cache lacks with one listing over every status and type; unnamed ones stay bare. */
export async function nameTargets(services: Services, ids: readonly string[], projectKey: string | undefined, signal: AbortSignal): Promise<{ targets: Target[]; warnings: string[] }> {
  const known = new Map<string, Target>();
  for (const id of ids) {
    const t = fromCache(services, id);
    if (t) known.set(id, t);
  }
  const missing = new Set(ids.filter((id) => !known.has(id)));
  let pages = 0;
  const warnings: string[] = [];
  if (missing.size > 0) {
    try {
      for await (const page of services.client.orchestrationPages(EVERY_ORCHESTRATION, undefined, signal, projectKey)) {
        pages++;
        remember(services, orchestrationKind, page.items);
        for (const o of page.items) if (missing.delete(o.id)) known.set(o.id, targetOf(o));
        if (missing.size === 0 || pages >= NAMING_MAX_PAGES) break;
      }
    } catch {
      // Cancelled, or out of time: the stats fetch that follows stops at once and says so.
      if (!signal.aborted) warnings.push("Names could not be listed, so some orchestrations show by handle only.");
    }
  }
  return { targets: ids.map((id) => known.get(id) ?? { id }), warnings };
}

/** Explicit ids, URIs or handles: resolved (one search for any handle not seen yet), de-duplicated, the first `max` named; the rest wait for the cursor. */
export async function selectByIds(services: Services, inputs: readonly string[], max: number, projectKey: string | undefined, signal: AbortSignal): Promise<Selection> {
  const invalid: Selection["invalid"] = [];
  const ids: string[] = [];
  const resolutions = await resolveRefs(orchestrationRef, services, inputs, signal, projectKey);
  inputs.forEach((input, i) => {
    const ref = resolutions[i];
    if (ref && !ref.ok) invalid.push({ input, reason: ref.message });
    else if (ref?.ok && !ids.includes(ref.id)) ids.push(ref.id);
  });
  const named = await nameTargets(services, ids.slice(0, max), projectKey, signal);
  return { targets: named.targets, invalid, pending: ids.slice(max), warnings: named.warnings };
}

/** The listing filters, through the same collector as list_orchestrations, from `start`. */
export async function selectByFilters(services: Services, q: OrchestrationFilterQuery, start: Position, max: number, signal: AbortSignal): Promise<Selection> {
  const collected = await collect({
    pages: (from) => orchestrationQueryPages(services, q, from, signal),
    start,
    cap: max,
    matches: orchestrationMatches(q),
    key: (o) => o.id,
    maxPages: SELECTION_MAX_PAGES,
    // Out of time (or cancelled): what was selected so far is compared; the cursor goes on from there.
    stop: signal,
  });
  remember(services, orchestrationKind, collected.items);
  const failure = collected.failure && ["A listing page failed, so the selection is partial; the cursor retries it."];
  return {
    targets: collected.items.map(targetOf),
    invalid: [],
    pending: [],
    ...(collected.resume && { listing: collected.resume }),
    warnings: [...collected.warnings, ...(failure ?? [])],
  };
}
