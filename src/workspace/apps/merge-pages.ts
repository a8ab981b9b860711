// Several apps' in-app campaigns as one listing, newest first. Each app's pages come in
// Batch's order (newest first); the merge always takes the newest head among the apps, so
// each app keeps its own order. A merged page ends where one app's Batch page ends, so
// merged pages count the Batch pages read. A merged position is every app's own position
// (the Batch page it reads and how many of that page's campaigns were taken), so a cursor
// resumes each app exactly where the merge stopped taking from it, skipping none and
// repeating none.

import type { Page } from "../../batch/pages.js";
import { CursorError } from "../listing/cursor.js";

export interface MergeSource<T> {
  /** The app's pages from a Batch page offset (0 = its first page), in Batch's order. */
  pages(offset: number): AsyncIterable<Page<T>>;
}

/** Where one app stands: the Batch page it reads and how many of its campaigns were taken;
 *  or done, when it has nothing left. */
type AppPosition = { page: number; skip: number } | "done";

const DONE = "-";
const INVALID = "The cursor is not one this server issued (its position across apps is damaged); drop it to start from the beginning.";

/** `100.37,0.0,-`: app by app, in the project's order; undefined when every app is at its start. */
export function encodeMergedPosition(positions: readonly AppPosition[]): string | undefined {
  if (positions.every((p) => p !== "done" && p.page === 0 && p.skip === 0)) return undefined;
  return positions.map((p) => (p === "done" ? DONE : `${p.page}.${p.skip}`)).join(",");
}

export function decodeMergedPosition(position: string | undefined, apps: number): AppPosition[] {
  if (position === undefined) return Array.from({ length: apps }, () => ({ page: 0, skip: 0 }));
  const parts = position.split(",");
  if (parts.length !== apps) throw new CursorError(INVALID);
  return parts.map((part) => {
    if (part === DONE) return "done";
    const match = /^(\d{1,9})\.(\d{1,9})$/.exec(part);
    if (!match) throw new CursorError(INVALID);
    return { page: Number(match[1]), skip: Number(match[2]) };
  });
}

/** One app's campaigns as the merge reads them: the current Batch page and a head. */
class AppReader<T> {
  private iterator: AsyncIterator<Page<T>> | undefined;
  private items: readonly T[] = [];
  private at = 0;
  private page = 0;
  private next: number | undefined;
  private started = false;
  /** The head's time, read once per head: the merge compares it with every other app's. */
  private headTime: number | undefined;
  /** Pages asked for ahead of the one being read, oldest first. */
  private readonly ahead: Array<Promise<IteratorResult<Page<T>>>> = [];

  constructor(
    private readonly source: MergeSource<T>,
    start: AppPosition,
    private readonly time: (item: T) => number,
    /** How many pages to ask for ahead of the one being read. */
    private readonly depth: number,
  ) {
    if (start === "done") {
      this.started = true;
      this.next = undefined;
    } else {
      this.page = start.page;
      this.at = start.skip;
      this.next = start.page;
    }
  }

  get head(): T | undefined {
    return this.items[this.at];
  }

  /** When the head was created (NaN: undated); undefined without a head. */
  get when(): number | undefined {
    const head = this.head;
    if (head === undefined) return undefined;
    this.headTime ??= this.time(head);
    return this.headTime;
  }

  /** Nothing left to take, now or from Batch. */
  get done(): boolean {
    return this.head === undefined && this.next === undefined;
  }

  /** Where a resume would continue this app. */
  get position(): AppPosition {
    if (this.head !== undefined) return { page: this.page, skip: this.at };
    return this.next === undefined ? "done" : { page: this.next, skip: 0 };
  }

  private pull(iterator: AsyncIterator<Page<T>>): Promise<IteratorResult<Page<T>>> {
    const read = iterator.next();
    // A page asked for ahead may fail after the merge stopped; one the merge waits for still throws.
    read.catch(() => undefined);
    return read;
  }

  /** Reads Batch pages until there is a head or the app has no more; collects their warnings. */
  async fill(warnings: string[]): Promise<void> {
    while (this.head === undefined && this.next !== undefined) {
      const first = !this.started;
      this.started = true;
      const iterator = (this.iterator ??= this.source.pages(this.next)[Symbol.asyncIterator]());
      const read = await (this.ahead.shift() ?? this.pull(iterator));
      if (read.done) {
        this.next = undefined;
        return;
      }
      const page = read.value;
      this.headTime = undefined;
      warnings.push(...page.warnings);
      this.page = this.next;
      this.items = page.items;
      // A resume skips what an earlier call took from its first page.
      this.at = first ? this.at : 0;
      this.next = page.next === undefined ? undefined : Number(page.next);
      // The next pages are asked for now, not once this one is read: the merge reads an app's
      // page only as fast as the other apps' campaigns let it, and Batch's answers should not wait for that.
      if (this.next !== undefined) while (this.ahead.length < this.depth) this.ahead.push(this.pull(iterator));
    }
  }

  /** Takes the head; true when it was the last of its Batch page. */
  take(): { item: T; pageEnded: boolean } {
    this.headTime = undefined;
    const item = this.items[this.at++] as T;
    return { item, pageEnded: this.at >= this.items.length };
  }

  /** Stops the app's paging (and its requests fetched ahead); never waits for them. */
  close(): void {
    this.iterator?.return?.().catch(() => undefined);
  }
}

/** The head to take next: an undated campaign at once (it cannot be placed), else the newest, the first app's on a tie. */
function newest<T>(readers: ReadonlyArray<AppReader<T>>): AppReader<T> | undefined {
  let best: AppReader<T> | undefined;
  let bestTime = Number.NEGATIVE_INFINITY;
  for (const reader of readers) {
    const t = reader.when;
    if (t === undefined) continue;
    if (Number.isNaN(t)) return reader;
    if (best === undefined || t > bestTime) {
      best = reader;
      bestTime = t;
    }
  }
  return best;
}

/**
 * The apps' campaigns merged newest first (by `time`, NaN for an undated one), from a merged
 * position (undefined = every app's start). Every app's first page is asked for at once;
 * `ahead` more pages of each app are asked for as soon as the one before arrives (its source
 * decides how many requests run at a time).
 */
export async function* mergePages<T>(sources: ReadonlyArray<MergeSource<T>>, start: string | undefined, time: (item: T) => number, ahead = 0): AsyncGenerator<Page<T>> {
  const readers = decodeMergedPosition(start, sources.length).map((p, i) => new AppReader(sources[i] as MergeSource<T>, p, time, ahead));
  try {
    let position = start;
    for (;;) {
      const warnings: string[] = [];
      await Promise.all(readers.map((r) => r.fill(warnings)));
      const items: T[] = [];
      for (let reader = newest(readers); reader; reader = newest(readers)) {
        const { item, pageEnded } = reader.take();
        items.push(item);
        if (pageEnded) break;
      }
      const next = readers.every((r) => r.done) ? undefined : encodeMergedPosition(readers.map((r) => r.position));
      yield { items, position, next, warnings };
      if (next === undefined) return;
      position = next;
    }
  } finally {
    for (const reader of readers) reader.close();
  }
}
