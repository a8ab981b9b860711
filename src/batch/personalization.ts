// Personalization tags in message copy: `{{ c.firstname | default: "there" }}` (Liquid style)
// or `{{c.firstname|fallback('there')}}` (Batch's own). Both forms are read alike: the
// expression before the first `|` names the attribute, and a `default` or `fallback` filter
// gives users who lack it something to read.

export interface PersonalizationTag {
  /** The tag as written, braces included. */
  raw: string;
  /** Where it starts in the text. */
  index: number;
  /** The attribute it reads ("c.firstname", "b.city"); absent for a literal or an expression this does not read. */
  attribute?: string;
  /** The filters applied to it, by name, in order ("default", "fallback", "upcase"). */
  filters: string[];
  /** Whether a `default` or `fallback` filter covers users without the attribute. */
  hasDefault: boolean;
  /** The text of that default or fallback, when it is a quoted literal. */
  defaultText?: string;
}

const ATTRIBUTE = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[[^\]]*\])*$/;
const LITERALS = new Set(["true", "false", "nil", "null", "empty", "blank"]);
const DEFAULT_FILTERS = new Set(["default", "fallback"]);
const FILTER_NAME = /^[A-Za-z_]\w*/;

/** Splits on `|` outside quotes, so a fallback text may contain one. */
function pipeline(inside: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    const ch = inside[i];
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === "|") {
      parts.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inside.slice(start));
  return parts.map((p) => p.trim());
}

/** The first quoted literal of a filter: `default: "there"`, `fallback('there')`. */
function quoted(filter: string): string | undefined {
  const match = /"([^"]*)"|'([^']*)'/.exec(filter);
  return match ? (match[1] ?? match[2]) : undefined;
}

function attributeOf(expression: string): string | undefined {
  return ATTRIBUTE.test(expression) && !LITERALS.has(expression.toLowerCase()) ? expression : undefined;
}

function readTag(raw: string, index: number): PersonalizationTag {
  const inside = raw.slice(2, -2);
  if (!inside.includes("|")) {
    const attribute = attributeOf(inside.trim());
    return { raw, index, ...(attribute !== undefined && { attribute }), filters: [], hasDefault: false };
  }
  const [expression = "", ...rest] = pipeline(inside);
  const filters = rest.map((f) => FILTER_NAME.exec(f)?.[0].toLowerCase() ?? f);
  const attribute = attributeOf(expression);
  const fallback = rest.find((_, k) => DEFAULT_FILTERS.has(filters[k] ?? ""));
  const defaultText = fallback === undefined ? undefined : quoted(fallback);
  return {
    raw,
    index,
    ...(attribute !== undefined && { attribute }),
    filters,
    hasDefault: fallback !== undefined,
    ...(defaultText !== undefined && { defaultText }),
  };
}

/** Every `{{ … }}` tag in `text`, in order (each one ends at the first `}}` after it opens). */
export function personalizationTags(text: string): PersonalizationTag[] {
  const tags: PersonalizationTag[] = [];
  for (let open = text.indexOf("{{"); open !== -1; ) {
    const close = text.indexOf("}}", open + 2);
    if (close === -1) break;
    tags.push(readTag(text.slice(open, close + 2), open));
    open = text.indexOf("{{", close + 2);
  }
  return tags;
}
