// Whatever the model passes for an item (a full id, its batch:// URI, or a short handle)
// becomes the full id here, once, for every tool argument and resource read. Handles the
// server has not seen are looked for by the same bounded search the resources use: one
// search for all of them, however many a call passes.

import { INPUT_CHARS, NAME_CHARS, quote } from "../../text/quote.js";
import { RefError, type Ambiguity, type Candidate } from "../input-error.js";
import type { ItemKind } from "../kinds/item-kind.js";
import type { Services } from "../services.js";
import { MIN_HANDLE, type HandleIndex } from "../state/handle-index.js";
import { idFromInput } from "./id-input.js";

/** Shorter than this, a prefix names too many items to be worth a search. */
export const MIN_HANDLE_INPUT = 4;
/** Candidates named in an ambiguity error. */
const MAX_CANDIDATES = 10;

export interface Resolvable<T> {
  kind: ItemKind<T>;
  /** The URI's collection ("orchestrations"), to accept batch://orchestrations/{id}. */
  collection: string;
  /** A random part this long is a full id even without its prefix: used as given, without searching. */
  fullLength: number;
  /** Pages Batch's list, remembering every item, until `found` holds for one; bounded. */
  search(services: Services, found: (key: string) => boolean, signal?: AbortSignal, projectKey?: string): Promise<void>;
}

export type Resolution =
  | { ok: true; id: string; /** True when Batch was searched to find it. */ searched: boolean }
  | { ok: false; reason: "invalid" | "not-found"; message: string }
  | { ok: false; reason: "ambiguous"; message: string; ambiguity: Ambiguity };

/** What an input is before any search: settled already, or a handle to look for. */
type Reading = Resolution | { handle: string };

function read<T>(r: Resolvable<T>, index: HandleIndex, input: string, uriBase: string): Reading {
  const { noun } = r.kind;
  const parsed = idFromInput(input, r.collection, noun, uriBase);
  if (!parsed.ok) return { ok: false, reason: "invalid", message: parsed.problem };
  const random = index.randomPart(parsed.id);
  const known = pick(index, random, noun, false);
  if (known) return known;
  // A full id is Batch's business: sent as given, never searched for. Spelled with its
  // prefix ("orchestration_…") it reads as an id whatever its length.
  const spelledAsId = index.idPrefix !== "" && parsed.id.startsWith(index.idPrefix);
  if (spelledAsId || random.length >= r.fullLength) return { ok: true, id: index.fullId(random), searched: false };
  if (random.length < MIN_HANDLE_INPUT) {
    return { ok: false, reason: "invalid", message: `${quote(parsed.id, INPUT_CHARS)} is too short to name ${article(noun)}: pass the handle (${MIN_HANDLE}+ characters) or the id a listing gave.` };
  }
  return { handle: random };
}

/** Resolves each input; handles never seen are searched for together, in one bounded search. */
export async function resolveRefs<T>(r: Resolvable<T>, services: Services, inputs: readonly string[], signal?: AbortSignal, projectKey?: string): Promise<Resolution[]> {
  const index = services.handles.for(r.kind);
  const readings = inputs.map((input) => read(r, index, input, services.uriBase));
  const wanted = new Set(readings.flatMap((x) => ("handle" in x ? [x.handle] : [])));
  if (wanted.size > 0) {
    const foundAll = (key: string) => {
      const random = index.randomPart(key);
      for (const handle of wanted) if (random.startsWith(handle)) wanted.delete(handle);
      return wanted.size === 0;
    };
    await r.search(services, foundAll, signal, projectKey);
  }
  return readings.map((x) => ("handle" in x ? (pick(index, x.handle, r.kind.noun, true) ?? notFound(x.handle, r.kind.noun)) : x));
}

export async function resolveRef<T>(r: Resolvable<T>, services: Services, input: string, signal?: AbortSignal, projectKey?: string): Promise<Resolution> {
  const [resolution] = await resolveRefs(r, services, [input], signal, projectKey);
  return resolution ?? notFound(input, r.kind.noun);
}

/** The full id, or a RefError with the sentence to show: for tools, where any failure is an error result. */
export async function requireRef<T>(r: Resolvable<T>, services: Services, input: string, signal?: AbortSignal, projectKey?: string): Promise<string> {
  const resolved = await resolveRef(r, services, input, signal, projectKey);
  if (!resolved.ok) throw new RefError(resolved.message, resolved.reason, resolved.reason === "ambiguous" ? { ...resolved.ambiguity, input } : undefined);
  return resolved.id;
}

function notFound(handle: string, noun: string): Resolution {
  return {
    ok: false,
    reason: "not-found",
    message: `No ${noun} has an id starting with ${quote(handle, INPUT_CHARS)}: it is not among those this server has seen, nor in Batch's list. Check the handle, or list them again to get it.`,
  };
}

function pick(index: HandleIndex, random: string, noun: string, searched: boolean): Resolution | undefined {
  const matches = index.matches(random, MAX_CANDIDATES + 1);
  const exact = matches.find((id) => index.randomPart(id) === random);
  if (exact) return { ok: true, id: exact, searched };
  const [only, ...others] = matches;
  if (only === undefined) return undefined;
  if (others.length === 0) return { ok: true, id: only, searched };
  const candidates = matches.slice(0, MAX_CANDIDATES).map((id) => candidateOf(index, id, random.length + 1));
  const shown = candidates.map((c) => `${c.handle} ${c.name === undefined ? "(name unknown)" : quote(c.name, NAME_CHARS)}`);
  const more = matches.length > MAX_CANDIDATES ? ", and more" : "";
  return {
    ok: false,
    reason: "ambiguous",
    message: `${quote(random, INPUT_CHARS)} matches several ${noun}s: ${shown.join(", ")}${more}. Pass one of these longer handles, or the full id.`,
    // `input` is what the caller passed; requireRef fills it in.
    ambiguity: { input: random, noun, candidates },
  };
}

/** A longer handle and the name, when known: `i4geuqvb1 "Summer sale"` in text. */
function candidateOf(index: HandleIndex, id: string, min: number): Candidate {
  const name = index.name(id);
  return { id, handle: index.handle(id, min), ...(name !== undefined && { name }) };
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
