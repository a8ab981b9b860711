// Whatever the model passes for an item (a full id, its batch:// URI, or a short handle)
// becomes the full id here, once, for every tool argument and resource read. A handle the
// server has not seen is looked for by the same bounded search the resources use.

import { RefError } from "../input-error.js";
import type { ResourceKind } from "../resources/kind.js";
import type { Services } from "../services.js";
import { MIN_HANDLE, type HandleIndex } from "./handle-index.js";
import { idFromInput } from "./id-input.js";

/** Shorter than this, a prefix names too many items to be worth a search. */
export const MIN_HANDLE_INPUT = 4;
/** Candidates named in an ambiguity error. */
const MAX_CANDIDATES = 10;

export interface Resolvable<T> {
  resource: ResourceKind<T>;
  /** The URI's collection ("orchestrations"), to accept batch://orchestrations/{id}. */
  collection: string;
  /** A random part this long is a full id even without its prefix: used as given, without searching. */
  fullLength: number;
  /** Pages Batch's list, remembering every item, until `found` holds for one; bounded. */
  search(services: Services, found: (key: string) => boolean, signal?: AbortSignal, projectKey?: string): Promise<void>;
}

export type Resolution =
  | { ok: true; id: string; /** True when Batch was searched to find it. */ searched: boolean }
  | { ok: false; reason: "invalid" | "ambiguous" | "not-found"; message: string };

export async function resolveRef<T>(
  r: Resolvable<T>,
  services: Services,
  input: string,
  signal?: AbortSignal,
  projectKey?: string,
): Promise<Resolution> {
  const { noun } = r.resource;
  const parsed = idFromInput(input, r.collection, noun);
  if (!parsed.ok) return { ok: false, reason: "invalid", message: parsed.problem };
  const index = services.handles.for(r.resource);
  const random = index.randomPart(parsed.id);
  const known = pick(index, random, noun);
  if (known) return known;
  // A full id is Batch's business: sent as given, never searched for. Spelled with its
  // prefix ("orchestration_…") it reads as an id whatever its length.
  const spelledAsId = index.idPrefix !== "" && parsed.id.startsWith(index.idPrefix);
  if (spelledAsId || random.length >= r.fullLength) return { ok: true, id: index.fullId(random), searched: false };
  if (random.length < MIN_HANDLE_INPUT) {
    return { ok: false, reason: "invalid", message: `"${parsed.id}" is too short to name ${article(noun)}: pass the handle (${MIN_HANDLE}+ characters) or the id a listing gave.` };
  }
  await r.search(services, (key) => index.randomPart(key).startsWith(random), signal, projectKey);
  return (
    pick(index, random, noun, true) ?? {
      ok: false,
      reason: "not-found",
      message: `No ${noun} has an id starting with "${random}": it is not among those this server has seen, nor in Batch's list. Check the handle, or list them again to get it.`,
    }
  );
}

function pick(index: HandleIndex, random: string, noun: string, searched = false): Resolution | undefined {
  const matches = index.matches(random, MAX_CANDIDATES + 1);
  const exact = matches.find((id) => index.randomPart(id) === random);
  if (exact) return { ok: true, id: exact, searched };
  const [only, ...others] = matches;
  if (only === undefined) return undefined;
  if (others.length === 0) return { ok: true, id: only, searched };
  const shown = matches.slice(0, MAX_CANDIDATES).map((id) => `${index.handle(id, random.length + 1)} "${index.name(id) ?? "?"}"`);
  const more = matches.length > MAX_CANDIDATES ? ", and more" : "";
  return {
    ok: false,
    reason: "ambiguous",
    message: `"${random}" matches several ${noun}s: ${shown.join(", ")}${more}. Pass one of these longer handles, or the full id.`,
  };
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** The full id, or a RefError with the sentence to show: for tools, where any failure is an error result. */
export async function requireRef<T>(r: Resolvable<T>, services: Services, input: string, signal?: AbortSignal, projectKey?: string): Promise<string> {
  const resolved = await resolveRef(r, services, input, signal, projectKey);
  if (!resolved.ok) throw new RefError(resolved.message, resolved.reason);
  return resolved.id;
}
