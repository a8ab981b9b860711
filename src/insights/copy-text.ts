// How the copy audit reads text: characters as a reader counts them, tags read once per run,
// and the short forms its notes use.

import type { ContentMessage } from "../batch/content.js";
import { personalizationTags, type PersonalizationTag } from "../batch/personalization.js";
import { quote as quoteText, word } from "../text/quote.js";
import { COPY_LIMITS } from "./copy-limits.js";

/** What the rules of one run share: each text's tags, read once. */
export interface CopyContext {
  tags(text: string): readonly PersonalizationTag[];
}

export function copyContext(): CopyContext {
  const memo = new Map<string, readonly PersonalizationTag[]>();
  const none: readonly PersonalizationTag[] = [];
  return {
    tags(text) {
      if (!text.includes("{{")) return none;
      let tags = memo.get(text);
      if (tags === undefined) memo.set(text, (tags = personalizationTags(text)));
      return tags;
    },
  };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Characters as a reader counts them: an emoji is one. */
export function charCount(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Length as read, about: a tag with a quoted default counts as that default (most tags are
 * short, like a first name), any other tag as written.
 */
export function readLength(text: string, ctx: CopyContext = copyContext()): number {
  let length = charCount(text);
  for (const tag of ctx.tags(text)) {
    if (tag.defaultText !== undefined) length += charCount(tag.defaultText) - charCount(tag.raw);
  }
  return length;
}

export function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === "";
}

// Notes are text the audit shows: every Batch value in them (a language code, a version, a
// title, a tag, a URL, a button's label or action) goes through src/text/quote.ts, the one
// quoting function, so a value never breaks the line or passes for the server's words.

/** "en", or "en (version a)" when the campaign has A/B versions; odd codes quoted. */
export function where(m: ContentMessage): string {
  return m.version === undefined ? word(m.language) : `${word(m.language)} (version ${word(m.version)})`;
}

/** A Batch string in a note: trimmed, quoted and escaped, cut past noteQuoteChars characters. */
export function quote(text: string): string {
  return quoteText(text.trim(), COPY_LIMITS.noteQuoteChars + 2);
}
