// The one error type for everything that can go wrong talking to Batch. Its message is
// always safe to show: secrets are redacted before an instance is built.

export type BatchApiVersion = "v2" | "v1.1";

export type BatchErrorKind =
  | "http" // Batch answered with an error status
  | "network" // connection refused, reset, DNS...
  | "timeout" // no answer within the per-request timeout
  | "invalid-response" // 2xx, but not the documented shape
  | "missing-config" // a key the call needs is not set
  | "aborted" // the caller cancelled
  | "deadline"; // the call's time budget ran out before Batch answered

/**
 * What an answer meant, when the status alone does not say it (a 404 can be an unknown id
 * or a route this API version lacks): lets the sentence shown to the user say what happened.
 */
export type BatchErrorReason =
  | "not_push" // the id names an orchestration, but not a one-time push campaign
  | "unknown_id" // no orchestration has this id in the project
  | "route_missing"; // the route does not exist in the API version called

export interface BatchApiErrorDetails {
  kind: BatchErrorKind;
  api: BatchApiVersion;
  /** What we were doing, for the sentence shown to the user ("list orchestrations"). */
  operation: string;
  status?: number;
  /** Batch's own error code (`error_code` on v2, numeric `code` on v1.1), as text. */
  code?: string;
  /** Batch's own error message, redacted. */
  batchMessage?: string;
  retryable: boolean;
  /** Server-suggested wait before trying again, when known. */
  retryAfterMs?: number;
  /** How many requests were sent, retries included. */
  attempts?: number;
  /** For missing-config: the environment variable to set. */
  variable?: string;
  /** What the request was about, when it names one thing (an unknown id is then worth saying). */
  subject?: ErrorSubject;
  /** What the answer meant, when a route tells apart answers that share a status. */
  reason?: BatchErrorReason;
}

export interface ErrorSubject {
  /** "orchestration" */
  noun: string;
  id: string;
}

export class BatchApiError extends Error implements BatchApiErrorDetails {
  override readonly name = "BatchApiError";
  readonly kind: BatchErrorKind;
  readonly api: BatchApiVersion;
  readonly operation: string;
  readonly status?: number;
  readonly code?: string;
  readonly batchMessage?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly attempts?: number;
  readonly variable?: string;
  readonly subject?: ErrorSubject;
  readonly reason?: BatchErrorReason;

  constructor(details: BatchApiErrorDetails) {
    super(summarize(details));
    this.kind = details.kind;
    this.api = details.api;
    this.operation = details.operation;
    this.status = details.status;
    this.code = details.code;
    this.batchMessage = details.batchMessage;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
    this.attempts = details.attempts;
    this.variable = details.variable;
    this.subject = details.subject;
    this.reason = details.reason;
  }

  /** A copy with more context, for the retry loop to record attempts. */
  with(extra: Partial<BatchApiErrorDetails>): BatchApiError {
    return new BatchApiError({ ...this.details(), ...extra });
  }

  details(): BatchApiErrorDetails {
    const { kind, api, operation, status, code, batchMessage, retryable, retryAfterMs, attempts, variable, subject, reason } = this;
    return { kind, api, operation, status, code, batchMessage, retryable, retryAfterMs, attempts, variable, subject, reason };
  }
}

function summarize(d: BatchApiErrorDetails): string {
  const parts = [`Batch ${d.operation} failed (${d.kind}`];
  if (d.status !== undefined) parts.push(` HTTP ${d.status}`);
  if (d.code !== undefined) parts.push(` code ${d.code}`);
  parts.push(")");
  if (d.batchMessage) parts.push(`: ${d.batchMessage}`);
  return parts.join("");
}

export function isBatchApiError(value: unknown): value is BatchApiError {
  return value instanceof BatchApiError;
}

/** A failure that would repeat for every id of the project (keys refused or missing): worth asking no more. */
export function failsForEveryId(error: BatchApiError): boolean {
  return error.kind === "missing-config" || error.status === 401 || error.status === 403;
}

/** How Batch's v2 stats say they do not know an id: 400 (the docs list no 404), or 404. */
export function isUnknownIdAnswer(error: BatchApiError): boolean {
  return error.kind === "http" && (error.status === 400 || error.status === 404);
}
