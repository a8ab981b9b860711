// Tools take an item either by its bare id or by the resource URI a listing gave for it
// (`batch://orchestrations/{id}`), so a model can pass back whatever it was shown.

import { INPUT_CHARS, quote } from "../../text/quote.js";

const URI = /^batch:\/\/([^/]+)\/([^/]+)(?:\/[^/]*)?$/;

export type IdInput = { ok: true; id: string } | { ok: false; problem: string };

/** The id in `value`: a bare id, or a `batch://{collection}/{id}[/...]` URI of that collection. */
export function idFromInput(value: string, collection: string, noun: string): IdInput {
  const text = value.trim();
  if (!text.startsWith("batch://")) return text ? { ok: true, id: text } : { ok: false, problem: `The ${noun} id is empty.` };
  const match = URI.exec(text);
  const id = match?.[1] === collection && match[2] ? safeDecode(match[2]) : undefined;
  return id
    ? { ok: true, id }
    : { ok: false, problem: `${quote(text, INPUT_CHARS)} is not a batch://${collection}/{id} URI: pass the ${noun}'s id or its URI, as list results give them.` };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text) || undefined;
  } catch {
    return undefined;
  }
}
