// Registers one resource kind as MCP resource templates, one per place (the default
// project's URIs, and any project's by name when projects have names): read from the
// place's workspace cache, else ask Batch (each kind says how), and complete the template
// variables from what the caller may see.

import { ResourceTemplate, ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server";
import type { ReadResourceResult } from "@modelcontextprotocol/server";
import type { Speaker } from "../speaker.js";
import { resourceNotFound } from "./not-found.js";
import { asDeadlineError, deadlineIn, untilDeadline } from "../../batch/deadline.js";
import { BatchApiError } from "../../batch/errors.js";
import { describeBatchError } from "../error-messages.js";
import { INPUT_CHARS, quote } from "../../text/quote.js";
import { resolveRef, type Resolvable } from "../../workspace/handles/resolve.js";
import type { Services } from "../../workspace/services.js";
import type { CachedItem } from "../../workspace/state/item-cache.js";
import { completeKey } from "./complete.js";
import { RESOURCE_MIME_TYPE, type ResourceKind } from "./kind.js";
import { placesFor, variable, type Place } from "./places.js";

export { completeKey, MAX_COMPLETIONS } from "./complete.js";

export interface ItemTemplate<T> {
  resource: ResourceKind<T>;
  /** How the URI's variable (an id, a token or a handle) becomes a full key. */
  ref: Resolvable<T>;
  /** Asks Batch for an item the cache lacks, caching what it finds; true when found. */
  fetchMissing(services: Services, key: string, signal: AbortSignal): Promise<boolean>;
  /** The not-found sentence: what was searched and what to check. */
  notFound(key: string): string;
}

/** What a read returns: the raw Batch object, when it was fetched and whether this read hit Batch. */
export function readResult(entry: CachedItem, source: "cache" | "batch"): ReadResourceResult {
  const body = { fetched_at: new Date(entry.fetchedAt).toISOString(), source, item: entry.raw };
  return { contents: [{ uri: entry.uri, mimeType: RESOURCE_MIME_TYPE, text: JSON.stringify(body, null, 2) }] };
}

async function read<T>(services: Services, t: ItemTemplate<T>, value: string, signal: AbortSignal): Promise<ReadResourceResult> {
  // A read that must search Batch keeps the same time budget as a tool call.
  const deadline = deadlineIn(services.config.timeBudgetMs);
  const until = untilDeadline(signal, deadline);
  try {
    const resolved = await resolveRef(t.ref, services, value, until);
    if (!resolved.ok) {
      const asked = t.resource.uri(value, services.uriBase);
      if (resolved.reason === "not-found") throw resourceNotFound(asked, resolved.message);
      // v2 clients read a -32602 whose only data is a URI as "not found" in either era: say why.
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, resolved.message, { uri: asked, reason: resolved.reason });
    }
    const uri = t.resource.uri(resolved.id, services.uriBase);
    const cached = services.cache.get(uri);
    if (cached) return readResult(cached, resolved.searched ? "batch" : "cache");
    if (await t.fetchMissing(services, resolved.id, until)) {
      const fetched = services.cache.get(uri);
      if (fetched) return readResult(fetched, "batch");
    }
    throw resourceNotFound(uri, t.notFound(resolved.id));
  } catch (error) {
    const reason = asDeadlineError(error, deadline, signal);
    if (reason instanceof BatchApiError) throw new ProtocolError(ProtocolErrorCode.InternalError, describeBatchError(reason));
    throw error;
  }
}

/** The SDK hands the variable over still percent-encoded. */
export function decodeKey(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `${quote(value, INPUT_CHARS)} is not a valid percent-encoded id.`);
  }
}

/** What the registry holds: a template ready to register, whatever its item type. */
export interface RegisterableTemplate {
  readonly kind: string;
  readonly title: string;
  register(speaker: Speaker, services: Services): void;
}

export function defineItemTemplate<T>(t: ItemTemplate<T>): RegisterableTemplate {
  return {
    kind: t.resource.kind,
    title: t.resource.title,
    register: (speaker, services) => {
      for (const place of placesFor(speaker, services)) registerAt(speaker, place, t);
    },
  };
}

function registerAt<T>({ server }: Speaker, place: Place, t: ItemTemplate<T>): void {
  const { resource } = t;
  const template = new ResourceTemplate(place.uriTemplate(resource.template), {
    // resources/list is served for all kinds at once, with paging (see list.ts).
    list: undefined,
    complete: { ...place.complete, [resource.variable]: (value, context) => completeKey(place.completing(context), resource, value) },
  });
  const metadata = { title: resource.title, description: resource.description, mimeType: RESOURCE_MIME_TYPE };
  server.registerResource(place.name(resource.kind), template, metadata, (uri, variables, ctx) => {
    const services = place.workspace(variables, uri.href);
    return read(services, t, decodeKey(variable(variables, resource.variable)), ctx.mcpReq.signal);
  });
}
