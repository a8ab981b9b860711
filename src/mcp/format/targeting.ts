// Batch targeting queries in a few words: `{"$or": [{"isNear(…)": true}, {"age": {"$gt": 30}}]}`
// reads "isNear(…) OR age>30". Enough for an audit to see what a campaign tests.

import { isRecord } from "../../batch/json.js";

const MAX_LENGTH = 160;

const COMPARISONS: Record<string, string> = { $eq: "=", $neq: "≠", $gt: ">", $gte: "≥", $lt: "<", $lte: "≤" };

function literal(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : JSON.stringify(value) ?? "null";
}

function condition(key: string, value: unknown): string {
  if (key === "$or" || key === "$and") {
    const parts = Array.isArray(value) ? value.map((v) => describeQuery(v, true)) : [];
    const joined = parts.join(key === "$or" ? " OR " : " AND ");
    return parts.length > 1 ? `(${joined})` : joined;
  }
  if (key === "$not") return `NOT ${describeQuery(value, true)}`;
  if (!isRecord(value)) return value === true ? key : `${key}=${literal(value)}`;
  return Object.entries(value)
    .map(([op, operand]) => (COMPARISONS[op] ? `${key}${COMPARISONS[op]}${literal(operand)}` : `${key} ${op.replace(/^\$/, "")} ${literal(operand)}`))
    .join(" AND ");
}

export function describeQuery(query: unknown, nested = false): string {
  if (Array.isArray(query)) return query.map((q) => describeQuery(q, true)).join(" AND ");
  if (!isRecord(query)) return literal(query);
  const parts = Object.entries(query).map(([k, v]) => condition(k, v));
  const text = parts.join(" AND ");
  // The outermost group needs no parentheses.
  return !nested && text.startsWith("(") && text.endsWith(")") && parts.length === 1 ? text.slice(1, -1) : text;
}

export const EVERYONE = "everyone";
export const QUERY_PREFIX = "query: ";

/** "everyone" when no query is set, else "query: <what it tests>", bounded in length. */
export function targetingText(query: unknown): string {
  if (!isRecord(query) && !Array.isArray(query)) return EVERYONE;
  const text = describeQuery(query);
  return `${QUERY_PREFIX}${text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text}`;
}
