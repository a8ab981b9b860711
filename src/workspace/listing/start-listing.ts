// Where a listing call starts: a fresh query at the first item, or exactly where its cursor
// says, checked, since a cursor is text the client can alter or pass with other arguments.

import { START, type Position } from "../../batch/collect.js";
import { isRecord } from "../../batch/json.js";
import { CursorError, decodeCursor } from "./cursor.js";
import type { ListingArgs, ListingSource, Tally } from "./source.js";

export interface ListingStart<Q, Totals> {
  query: Q;
  position: Position;
  /** What the calls before this one counted, when a totals_only scan resumes. */
  tally: Tally<Totals> | undefined;
  /** Counting instead of listing: asked for, or carried on by the cursor. */
  totalsOnly: boolean;
}

export function startListing<T, Q extends Record<string, unknown>, Totals>(source: ListingSource<T, Q>, args: ListingArgs<Q>): ListingStart<Q, Totals> {
  const { query, position, tally } = args.cursor ? resume<T, Q, Totals>(source, args) : { query: args.query, position: START, tally: undefined };
  return { query, position, tally, totalsOnly: tally !== undefined || args.totals_only === true };
}

function resume<T, Q extends Record<string, unknown>, Totals>(source: ListingSource<T, Q>, args: ListingArgs<Q>) {
  const decoded = decodeCursor(source.tool, args.cursor ?? "");
  const parsed = source.query.safeParse(decoded.query);
  if (!parsed.success) throw new CursorError("The cursor is not one this server issued; drop it to start from the beginning.");
  for (const [key, value] of Object.entries(args.query)) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(parsed.data[key])) {
      throw new CursorError(
        `The cursor continues a listing made with a different ${key}. Pass the cursor alone (it remembers the filters), or drop it to start a new listing.`,
      );
    }
  }
  if (decoded.acc !== undefined && !isTally(decoded.acc)) throw new CursorError("The cursor is not one this server issued (its counts are damaged); drop it to count from the beginning.");
  const tally = decoded.acc as Tally<Totals> | undefined;
  if (args.totals_only !== undefined && args.totals_only !== (tally !== undefined)) {
    throw new CursorError(`The cursor continues a listing made with totals_only ${tally !== undefined}. Pass the cursor alone, or drop it to start a new listing.`);
  }
  return { query: parsed.data, position: decoded.position, tally };
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isTree = (v: unknown): boolean => isRecord(v) && Object.values(v).every((x) => isCount(x) || isTree(x));

/** What a counting cursor carries, checked: a cursor is text the client can alter. */
function isTally(v: unknown): boolean {
  if (!isRecord(v) || !isTree(v.totals) || !isCount(v.scanned) || !isCount(v.pages)) return false;
  return v.span === undefined || (isRecord(v.span) && typeof v.span.first === "string" && typeof v.span.last === "string");
}
