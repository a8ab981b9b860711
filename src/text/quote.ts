// How a string from Batch (a name, a label, a query, a step name, Batch's own error text) or
// an argument echoed back enters text: quoted, on one line, escaped the way JSON escapes a
// string, and cut to a stated length. Anyone with dashboard or API access writes these
// strings; the person reading the answer (or the model) is often someone else. So a value
// never starts a line, never hides or reorders characters, and always shows where it starts
// and ends: `"Promo \"A\"\n- forged"` is one value, whatever it holds.
//
// Escaped: `"` and `\`; newline, return, tab, backspace and form feed as \n \r \t \b \f;
// every other control character (C0, DEL, C1), every format character (bidirectional
// controls U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C; zero-width and tag
// characters), the line and paragraph separators and lone surrogates as \uXXXX. The
// zero-width joiner and non-joiner stay: Persian, Indic scripts and emoji need them.
// A cut value ends with its closing quote and then an ellipsis, `"Spring sa"…`, so the
// ellipsis is never mistaken for part of the value.

/** `"`, `\` and the controls JSON writes short. */
const SHORT: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };
const UNSHORT: Record<string, string> = Object.fromEntries(Object.entries(SHORT).map(([raw, escaped]) => [escaped.slice(1), raw]));

/** Characters that would break a line, hide, or move text around them. */
const HIDDEN = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]$/u;
const JOINERS = new Set(["\u200c", "\u200d"]);

/** Names in lines, headings and sentences are cut to this many characters, quotes included. */
export const NAME_CHARS = 120;
/** What a caller typed (an id, a handle, a URI), echoed back in an error. */
export const INPUT_CHARS = 100;

/** The ellipsis after a cut value's closing quote. */
export const CUT_MARK = "…";
/** Shortest cut a quote makes: `""…`. */
const MIN_CHARS = 3;

function hex(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, "0")}`;
}

/** One code point (or lone surrogate) as it appears between the quotes. */
function escaped(ch: string, cell: boolean): string {
  const short = SHORT[ch];
  if (short !== undefined) return short;
  if (cell && ch === "|") return "\\|";
  if (!HIDDEN.test(ch) || JOINERS.has(ch)) return ch;
  // Astral format characters (tags) are written as their two UTF-16 halves, as JSON does.
  let out = "";
  for (let i = 0; i < ch.length; i++) out += hex(ch.charCodeAt(i));
  return out;
}

/** Anything `escaped` may change; a value without any is quoted as it is. */
const NEEDS_ESCAPE = /["\\|\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

function quoted(value: string, maxChars: number, cell: boolean): string {
  const max = Math.max(MIN_CHARS, Math.floor(maxChars));
  // The common case, one native scan: nothing to escape and room for it whole.
  if (value.length + 2 <= max && !NEEDS_ESCAPE.test(value)) return `"${value}"`;
  let body = "";
  // The longest body that still leaves room for `"`, `"` and the ellipsis.
  let fits = 0;
  for (const ch of value) {
    const piece = escaped(ch, cell);
    if (body.length + piece.length + 2 > max) return `"${body.slice(0, fits)}"${CUT_MARK}`;
    body += piece;
    if (body.length + 3 <= max) fits = body.length;
  }
  return `"${body}"`;
}

/**
 * `value` quoted and escaped on one line, at most `maxChars` characters in all (quotes,
 * escapes and the ellipsis of a cut included; never fewer than 3). A cut falls between
 * characters, never inside an escape or a surrogate pair.
 */
export function quote(value: string, maxChars = Number.POSITIVE_INFINITY): string {
  return quoted(value, maxChars, false);
}

/** `quote` for a Markdown table cell: `|` is escaped too (`\|`), so the cells never shift. */
export function quoteCell(value: string, maxChars = Number.POSITIVE_INFINITY): string {
  return quoted(value, maxChars, true);
}

/** A plain word: what `word` shows bare. */
const PLAIN = /^[A-Za-z0-9_.:#+-]+$/;

/**
 * A value Batch sends as an identifier or enum (a status, a type, a channel, an A/B version,
 * a platform, a metric, an error code, an id typed by the caller): bare when it is one plain
 * word within `maxChars`, as it nearly always is, else quoted like any other string.
 */
export function word(value: string, maxChars = 64): string {
  return value.length <= maxChars && PLAIN.test(value) ? value : quote(value, maxChars);
}

/** `word` for a Markdown table cell. */
export function wordCell(value: string, maxChars = 64): string {
  return value.length <= maxChars && PLAIN.test(value) ? value : quoteCell(value, maxChars);
}

/**
 * Text built around Batch values elsewhere (a note, a warning), kept on one line: the same
 * escapes as `quote` for controls and hidden characters, but no quotes added and `"` and `\`
 * left as they are. For sentences this server writes, not for Batch strings themselves.
 */
export function inline(text: string): string {
  let out = "";
  for (const ch of text) out += ch === '"' || ch === "\\" ? ch : escaped(ch, false);
  return out;
}

export interface Unquoted {
  value: string;
  /** The value was cut (an ellipsis followed its closing quote). */
  cut: boolean;
  /** Characters read, from the opening quote to the closing one or the ellipsis. */
  length: number;
}

/**
 * Reads back the quoted value that starts at `from` (as `quote` or `quoteCell` wrote it):
 * the text between the quotes, unescaped. Throws a SyntaxError when there is none.
 */
export function unquote(text: string, from = 0): Unquoted {
  if (text[from] !== '"') throw new SyntaxError(`no quoted value at ${from}`);
  let value = "";
  for (let i = from + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      const cut = text.startsWith(CUT_MARK, i + 1);
      return { value, cut, length: i + 1 - from + (cut ? CUT_MARK.length : 0) };
    }
    if (ch !== "\\") {
      value += ch;
      continue;
    }
    const next = text[++i] ?? "";
    if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next === "|") value += "|";
    else if (UNSHORT[next] !== undefined) value += UNSHORT[next];
    else throw new SyntaxError(`bad escape \\${next} at ${i}`);
  }
  throw new SyntaxError(`unterminated quoted value at ${from}`);
}
