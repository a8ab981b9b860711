// What get_campaign_content was asked about: an orchestration or an in-app campaign, and its
// full id. The input says so when it can (an orchestration_ id, a batch:// URI of either
// kind); a bare handle is tried against the orchestrations this server has seen, then the
// in-app campaigns, then a 32-character value is taken as an in-app token (orchestration ids
// carry their prefix), and only then is Batch searched, orchestrations first. A bare input
// comes back with a sentence saying how it was read.

import type { ContentKind } from "../../batch/content.js";
import { INPUT_CHARS, quote } from "../../text/quote.js";
import { inappRef, orchestrationRef } from "../handles/refs.js";
import { requireRef, resolveRef, type Resolvable } from "../handles/resolve.js";
import { RefError } from "../input-error.js";
import type { Services } from "../services.js";

export interface ContentRef {
  kind: ContentKind;
  /** The full orchestration id or in-app campaign token. */
  id: string;
  /** How a bare handle or token was read, for the text; absent when the input named its kind. */
  decided?: string;
}

interface KindRef<T> {
  kind: ContentKind;
  ref: Resolvable<T>;
}

const ORCHESTRATION = { kind: "orchestration", ref: orchestrationRef } satisfies KindRef<unknown>;
const INAPP = { kind: "inapp_campaign", ref: inappRef } satisfies KindRef<unknown>;

const URI = /^batch:\/\/([^/]*)/;

function known<T>(services: Services, k: KindRef<T>, input: string): boolean {
  return services.handles.for(k.ref.kind).matches(input, 1).length > 0;
}

async function as<T>(k: KindRef<T>, services: Services, input: string, signal: AbortSignal | undefined, projectKey: string | undefined, decided?: string): Promise<ContentRef> {
  const id = await requireRef(k.ref, services, input, signal, projectKey);
  return { kind: k.kind, id, ...(decided !== undefined && { decided }) };
}

/** Throws RefError with the sentence to show when the input names nothing, or several things. */
export async function resolveContentRef(services: Services, input: string, signal?: AbortSignal, projectKey?: string): Promise<ContentRef> {
  const text = input.trim();
  const collection = URI.exec(text)?.[1];
  if (collection === "orchestrations") return as(ORCHESTRATION, services, text, signal, projectKey);
  if (collection === "inapp-campaigns") return as(INAPP, services, text, signal, projectKey);
  if (collection !== undefined) {
    throw new RefError(`${quote(text, INPUT_CHARS)} is neither a batch://orchestrations/{id} nor a batch://inapp-campaigns/{token} URI: pass one of those, an id, a token or a handle.`, "invalid");
  }
  if (text.startsWith(services.handles.for(orchestrationRef.kind).idPrefix)) return as(ORCHESTRATION, services, text, signal, projectKey);
  return bare(services, text, signal, projectKey);
}

async function bare(services: Services, text: string, signal: AbortSignal | undefined, projectKey: string | undefined): Promise<ContentRef> {
  const shown = quote(text, INPUT_CHARS);
  const inappToo = known(services, INAPP, text);
  if (known(services, ORCHESTRATION, text)) {
    const also = inappToo ? `; it also starts an in-app campaign's token: pass batch://inapp-campaigns/${text} for that one` : "";
    return as(ORCHESTRATION, services, text, signal, projectKey, `${shown} was read as the handle of an orchestration this server has seen${also}.`);
  }
  if (inappToo) return as(INAPP, services, text, signal, projectKey, `${shown} was read as the handle of an in-app campaign this server has seen.`);
  if (text.length >= inappRef.fullLength) {
    return as(INAPP, services, text, signal, projectKey, `${shown} was read as an in-app campaign token (orchestration ids start with orchestration_).`);
  }
  // Never seen: Batch's lists are searched, orchestrations first.
  const asOrchestration = await resolveRef(orchestrationRef, services, text, signal, projectKey);
  if (asOrchestration.ok) return { kind: "orchestration", id: asOrchestration.id, decided: `${shown} was found among the project's orchestrations.` };
  if (asOrchestration.reason !== "not-found") throw new RefError(asOrchestration.message, asOrchestration.reason);
  const asInapp = await resolveRef(inappRef, services, text, signal);
  if (asInapp.ok) return { kind: "inapp_campaign", id: asInapp.id, decided: `${shown} was found among the app's in-app campaigns, not among the orchestrations.` };
  if (asInapp.reason !== "not-found") throw new RefError(asInapp.message, asInapp.reason);
  throw new RefError(
    `No orchestration id or in-app campaign token starts with ${shown}: it is not among those this server has seen, nor in Batch's lists. Check the handle, or list them again to get it.`,
    "not-found",
  );
}
