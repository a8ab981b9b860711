// One step of a comparison: select the next orchestrations (by ids, or by the listing
// filters from where the last step stopped), fetch their stats within the call's budget,
// and make the cursor for what is left: ids not fetched in time first, then the rest.

import type { CallContext } from "../call-context.js";
import { fetchAllStats, type FetchOutcome } from "./fetch-all-stats.js";
import { selectByFilters, selectByIds, type Selection } from "./select.js";
import { nextCursor, type CompareState } from "./state.js";

export interface CompareStep {
  selection: Selection;
  outcome: FetchOutcome;
  /** Continues with what this step did not fetch; undefined when nothing is left. */
  cursor: string | undefined;
}

function select(state: CompareState, ctx: CallContext): Promise<Selection> {
  const signal = ctx.until;
  if (state.pending.length > 0 || !state.filters) return selectByIds(ctx.services, state.pending, state.max, state.projectKey, signal);
  return selectByFilters(ctx.services, state.filters, state.listing ?? { page: undefined, skip: 0 }, state.max, signal);
}

export async function compareNext(state: CompareState, ctx: CallContext): Promise<CompareStep> {
  const selection = await select(state, ctx);
  const outcome = await fetchAllStats(selection.targets, state.range, state.projectKey, ctx, state.previous);
  const pending = [...outcome.notFetched.map((t) => t.id), ...selection.pending];
  // Ids go first: the filtered listing moves on only once no id waits.
  const listing = state.pending.length > 0 || !state.filters ? state.listing : selection.listing;
  return { selection, outcome, cursor: nextCursor(state, pending, listing) };
}
