// A call's time budget. Clients give a request about 60 s (the SDK's default timeout), and
// Batch's pacing makes long pagings slower than that, so work stops at the deadline and
// answers with what it has rather than being cut off by the client with nothing.

export interface Deadline {
  /** Aborts when the budget runs out. */
  readonly signal: AbortSignal;
  readonly budgetMs: number;
  expired(): boolean;
  remainingMs(): number;
}

export function deadlineIn(budgetMs: number, now: () => number = Date.now): Deadline {
  const at = now() + budgetMs;
  const signal = AbortSignal.timeout(budgetMs);
  return {
    signal,
    budgetMs,
    expired: () => signal.aborted || now() >= at,
    remainingMs: () => Math.max(0, at - now()),
  };
}

/** A deadline that never comes, for callers with no budget (scripts, the benchmarks). */
export const NO_DEADLINE: Deadline = {
  signal: new AbortController().signal,
  budgetMs: Infinity,
  expired: () => false,
  remainingMs: () => Infinity,
};

/** "45 s", "1.5 s", "800 ms": how long a budget was, for sentences. */
export function describeBudget(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
