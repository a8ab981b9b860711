// Opaque, stable orchestrations cursors: base64 of "idx:<position>:<salt>".
// The position indexes the project's whole (unfiltered) list, just past the last item
// returned, so the same cursor + limit + filters always yields the same page. The salt is
// derived from the project key: a cursor from another project is rejected, like a real
// server bound to its data would, and the client cannot treat it as a plain number.

import { createHash } from "node:crypto";

function salt(projectKey: string): string {
  return createHash("sha256").update(`fake-batch-cursor:${projectKey}`).digest("hex").slice(0, 12);
}

export function encodeCursor(position: number, projectKey: string): string {
  return Buffer.from(`idx:${position}:${salt(projectKey)}`, "utf8").toString("base64");
}

/** The position a cursor stands for, or undefined when it is not one of ours for this list. */
export function decodeCursor(cursor: string, projectKey: string, listLength: number): number | undefined {
  const decoded = Buffer.from(cursor, "base64");
  // Buffer's base64 decoder skips junk; re-encoding catches anything that was not canonical.
  if (decoded.toString("base64") !== cursor) return undefined;
  const match = /^idx:(\d{1,9}):([0-9a-f]+)$/.exec(decoded.toString("utf8"));
  if (!match || match[2] !== salt(projectKey)) return undefined;
  const position = Number(match[1]);
  return position <= listLength ? position : undefined;
}
