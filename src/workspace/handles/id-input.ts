// Tools take an item either by its bare id or by the resource URI a listing gave for it
// (`batch://orchestrations/{id}`, or `batch://projects/{project}/orchestrations/{id}` in
// another project), so a model can pass back whatever it was shown.

import { INPUT_CHARS, quote } from "../../text/quote.js";
import { DEFAULT_URI_BASE } from "../kinds/uris.js";

const PATH = /^([^/]+)\/([^/]+)(?:\/[^/]*)?$/;
/** Another project's URI: batch://projects/{project}/… */
const PROJECT_URI = /^batch:\/\/projects\/([^/]+)\//;

export type IdInput = { ok: true; id: string } | { ok: false; problem: string };

/** The id in `value`: a bare id, or a `{base}{collection}/{id}[/...]` URI of that collection,
 *  `base` being where the URIs of the call's project start. */
export function idFromInput(value: string, collection: string, noun: string, base = DEFAULT_URI_BASE): IdInput {
  const text = value.trim();
  if (!text.startsWith(DEFAULT_URI_BASE)) return text ? { ok: true, id: text } : { ok: false, problem: `The ${noun} id is empty.` };
  const match = text.startsWith(base) ? PATH.exec(text.slice(base.length)) : null;
  const id = match?.[1] === collection && match[2] ? safeDecode(match[2]) : undefined;
  if (id) return { ok: true, id };
  const project = PROJECT_URI.exec(text)?.[1];
  const elsewhere = project !== undefined && (base === DEFAULT_URI_BASE || !text.startsWith(base));
  // The caller named that project in the URI themselves: saying so tells them nothing new.
  const other = elsewhere ? ` It is a URI of project ${quote(safeDecode(project) ?? project, INPUT_CHARS)}: pass that name as \`project\` with it.` : "";
  return { ok: false, problem: `${quote(text, INPUT_CHARS)} is not a ${base}${collection}/{id} URI: pass the ${noun}'s id or its URI, as list results give them.${other}` };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text) || undefined;
  } catch {
    return undefined;
  }
}
