// The response budget as the collector spends it: a running total of characters against
// a limit, item by item.

/** A running total against a limit; the first item is always let in, so a listing always moves on. */
export class CharBudget {
  private used = 0;
  private taken = 0;

  constructor(readonly limit: number) {}

  take(chars: number): boolean {
    if (this.taken > 0 && this.used + chars > this.limit) return false;
    this.used += chars;
    this.taken++;
    return true;
  }
}
