// A listing cut mid-page (by max_results or the response budget) resumes inside that page.
// Without a memory of it, the next call would ask Batch for the same page again: one more
// paced request (a second at Batch's 1 request/s) per continuation. The page a cut happened
// in is kept briefly, for the cursor that resumes there, and used once.

import type { Position } from "../../batch/collect.js";
import type { Page } from "../../batch/pages.js";

/** Long enough for the assistant's next call, short enough not to serve stale pages later. */
export const RESUME_PAGE_TTL_MS = 120_000;
const MAX_KEPT = 32;

interface Kept {
  page: Page<unknown>;
  at: number;
}

export class ResumePages {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Remembers the page a listing stopped inside, for the cursor resuming at `position`. */
  keep(scope: string, position: Position, page: Page<unknown>): void {
    // The page read last must be the one the cursor resumes in (a stop on a page boundary
    // resumes in the next page, not read yet); a fresh listing's first page is never kept.
    if (isStart(position) || position.page !== page.position) return;
    this.kept.set(key(scope, position), { page, at: this.now() });
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
  }

  /** The kept page a resume at `position` starts in, once; undefined when there is none or it is too old. */
  take<T>(scope: string, position: Position): Page<T> | undefined {
    if (isStart(position)) return undefined;
    const k = key(scope, position);
    const found = this.kept.get(k);
    this.kept.delete(k);
    return found && this.now() - found.at < RESUME_PAGE_TTL_MS ? (found.page as Page<T>) : undefined;
  }
}

function isStart(position: Position): boolean {
  return position.page === undefined && position.skip === 0;
}

// The skip is part of the key: a fresh listing (first page, nothing skipped) never meets a kept page.
function key(scope: string, position: Position): string {
  return `${scope}\u0000${position.page ?? ""}\u0000${position.skip}`;
}

/** The kept page first, then Batch's pages from its next. */
export async function* afterKept<T>(kept: Page<T>, fetch: (start: string | undefined) => AsyncIterable<Page<T>>): AsyncGenerator<Page<T>> {
  yield kept;
  if (kept.next !== undefined) yield* fetch(kept.next);
}
