// Opaque resume cursors. A cursor carries the tool it belongs to, the query it was made
// for and the exact position, so resuming needs nothing but the cursor itself.

import type { Position } from "../../batch/collect.js";

const PREFIX = "bmc1.";

interface Payload {
  tool: string;
  query: unknown;
  page?: string;
  skip: number;
  /** A totals_only scan: what the calls before this one counted. */
  acc?: unknown;
}

export class CursorError extends Error {
  override readonly name = "CursorError";
}

export function encodeCursor(tool: string, query: unknown, position: Position, acc?: unknown): string {
  const payload: Payload = { tool, query, skip: position.skip, ...(position.page !== undefined && { page: position.page }), ...(acc !== undefined && { acc }) };
  return PREFIX + Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeCursor(tool: string, cursor: string): { query: unknown; position: Position; acc?: unknown } {
  const payload = parse(cursor);
  if (payload.tool !== tool) {
    throw new CursorError(`This cursor belongs to ${payload.tool}, not ${tool}; pass it to ${payload.tool} or drop it to start over.`);
  }
  return { query: payload.query, position: { page: payload.page, skip: payload.skip }, ...(payload.acc !== undefined && { acc: payload.acc }) };
}

function parse(cursor: string): Payload {
  const invalid = new CursorError(
    "The cursor is not one this server issued (it may be truncated); pass the cursor exactly as returned, or drop it to start from the beginning.",
  );
  if (!cursor.startsWith(PREFIX)) throw invalid;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (typeof value !== "object" || value === null) throw invalid;
  const { tool, query, page, skip, acc } = value as Record<string, unknown>;
  const validSkip = typeof skip === "number" && Number.isInteger(skip) && skip >= 0;
  if (typeof tool !== "string" || !validSkip || (page !== undefined && typeof page !== "string")) throw invalid;
  return { tool, query, skip, ...(typeof page === "string" && { page }), ...(acc !== undefined && { acc }) };
}
