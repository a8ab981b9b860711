// Short handles, the way git shows commits: an item is named by the shortest prefix of its
// id's random part (after `orchestration_`; the whole in-app token) that no other id this
// server has seen shares, and never fewer than MIN_HANDLE characters. A 32-character id is
// about 24 tokens; its handle about 6. Full ids stay in structured content and URIs.

export const MIN_HANDLE = 8;
/** Ids remembered per kind; past this the oldest half is forgotten (their handles may then be shorter). */
export const MAX_HANDLE_IDS = 100_000;

export class HandleIndex {
  /** Random parts, sorted, so neighbours share the longest prefixes and lookups are binary searches. */
  private sorted: string[] = [];
  /** Random part -> the full id and its name when known, in the order first seen (the order forgetting follows). */
  private readonly items = new Map<string, { id: string; name?: string }>();

  constructor(
    /** What every full id starts with before its random part ("orchestration_"), or "". */
    readonly idPrefix: string,
    private readonly maxIds = MAX_HANDLE_IDS,
  ) {}

  get size(): number {
    return this.sorted.length;
  }

  /** The random part of a full id, a handle, or a handle with the id prefix typed in front. */
  randomPart(text: string): string {
    return this.idPrefix && text.startsWith(this.idPrefix) ? text.slice(this.idPrefix.length) : text;
  }

  /** The full id of a known random part; else the prefix put back in front of it. */
  fullId(random: string): string {
    return this.items.get(random)?.id ?? this.idPrefix + random;
  }

  /** Remembers an id; a name, when given, replaces what was known. */
  add(id: string, name?: string): void {
    const random = this.randomPart(id);
    if (!random) return;
    if (!this.items.has(random)) {
      const at = this.lowerBound(random);
      this.sorted.splice(at, 0, random);
      if (this.sorted.length > this.maxIds) this.forgetOldestHalf();
    }
    const known = this.items.get(random)?.name;
    this.items.set(random, { id, ...((name ?? known) !== undefined && { name: name ?? known }) });
  }

  has(id: string): boolean {
    return this.items.has(this.randomPart(id));
  }

  name(id: string): string | undefined {
    return this.items.get(this.randomPart(id))?.name;
  }

  /** The shortest unique prefix of the id's random part, at least `min` characters (more when asked, to tell candidates apart). */
  handle(id: string, min = MIN_HANDLE): string {
    const random = this.randomPart(id);
    const at = this.lowerBound(random);
    const known = this.sorted[at] === random;
    const before = this.sorted[at - 1];
    const after = known ? this.sorted[at + 1] : this.sorted[at];
    const shared = Math.max(commonPrefix(random, before), commonPrefix(random, after));
    return random.slice(0, Math.max(min, shared + 1));
  }

  /** Full ids whose random part starts with `text` (a handle, or a full id), at most `limit`. */
  matches(text: string, limit = 20): string[] {
    const random = this.randomPart(text);
    const found: string[] = [];
    for (let i = this.lowerBound(random); i < this.sorted.length && found.length < limit; i++) {
      const candidate = this.sorted[i] as string;
      if (!candidate.startsWith(random)) break;
      found.push(this.fullId(candidate));
    }
    return found;
  }

  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private forgetOldestHalf(): void {
    const drop = this.items.size - Math.floor(this.maxIds / 2);
    let dropped = 0;
    for (const random of this.items.keys()) {
      if (dropped++ >= drop) break;
      this.items.delete(random);
    }
    this.sorted = this.sorted.filter((r) => this.items.has(r));
  }
}

function commonPrefix(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
