// Strict query-parameter readers. The fake is deliberately stricter than tolerant clients
// need: a repeated scalar, an empty value or a non-canonical number is rejected, so client
// bugs (e.g. sending `from=` on the first page) surface in tests instead of passing quietly.

export type Parsed<T> = { ok: true; value: T } | { ok: false };

const bad = { ok: false } as const;

/** Absent -> fallback; otherwise exactly one canonical integer within [min, max]. */
export function intParam(query: URLSearchParams, name: string, min: number, max: number, fallback: number): Parsed<number> {
  const values = query.getAll(name);
  if (values.length === 0) return { ok: true, value: fallback };
  const [raw] = values;
  if (values.length > 1 || raw === undefined || !/^(0|[1-9]\d{0,8})$/.test(raw)) return bad;
  const value = Number(raw);
  return value >= min && value <= max ? { ok: true, value } : bad;
}

/** Absent -> undefined; otherwise exactly "true" or "false". */
export function boolParam(query: URLSearchParams, name: string): Parsed<boolean | undefined> {
  const values = query.getAll(name);
  if (values.length === 0) return { ok: true, value: undefined };
  if (values.length > 1) return bad;
  if (values[0] === "true") return { ok: true, value: true };
  if (values[0] === "false") return { ok: true, value: false };
  return bad;
}

/** Exploded form-style array (`status=a&status=b`); absent -> undefined; each value must be allowed. */
export function enumListParam(query: URLSearchParams, name: string, allowed: readonly string[]): Parsed<Set<string> | undefined> {
  const values = query.getAll(name);
  if (values.length === 0) return { ok: true, value: undefined };
  if (values.some((v) => !allowed.includes(v))) return bad;
  return { ok: true, value: new Set(values) };
}

/** Absent -> undefined; otherwise exactly one non-empty value. */
export function stringParam(query: URLSearchParams, name: string): Parsed<string | undefined> {
  const values = query.getAll(name);
  if (values.length === 0) return { ok: true, value: undefined };
  const [value] = values;
  return values.length === 1 && value ? { ok: true, value } : bad;
}
