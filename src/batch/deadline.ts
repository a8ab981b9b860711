import { BatchApiError } from "./errors.js";

// A call's time budget. Clients give a request about 60 s (the SDK's default timeout), and
// Batch's pacing makes long pagings slower than that, so work stops at the deadline and
// answers with what it has rather than being cut off by the client with nothing.

export interface Deadline {
  /** Aborts when the budget runs out. */
  readonly signal: AbortSignal;
  readonly budgetMs: number;
  expired(): boolean;
}

export function deadlineIn(budgetMs: number, now: () => number = Date.now): Deadline {
  const at = now() + budgetMs;
  const signal = AbortSignal.timeout(budgetMs);
  return {
    signal,
    budgetMs,
    expired: () => signal.aborted || now() >= at,
  };
}

/** "45 s", "1.5 s", "800 ms": how long a budget was, for sentences. */
export function describeBudget(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** Aborts when the caller cancels or the deadline comes: the signal to give requests to Batch. */
export function untilDeadline(caller: AbortSignal, deadline: Deadline): AbortSignal {
  return AbortSignal.any([caller, deadline.signal]);
}

/** A request cut by the deadline, not by the caller, is Batch not answering in time. */
export function asDeadlineError(error: unknown, deadline: Deadline, caller: AbortSignal): unknown {
  const cutByDeadline = error instanceof BatchApiError && error.kind === "aborted" && deadline.expired() && !caller.aborted;
  return cutByDeadline ? error.with({ kind: "deadline", batchMessage: undefined }) : error;
}
