// GET a Batch URL and return its JSON: pacing, per-request timeout, cancellation,
// retries with backoff, and the translation of every failure into a BatchApiError.

import { setTimeout as sleep } from "node:timers/promises";
import { BatchApiError, type BatchApiVersion } from "./errors.js";
import { parseErrorBody } from "./error-body.js";
import type { RequestPacer } from "./pacer.js";
import type { Redactor } from "./redact.js";
import { isRetryableStatus, nextDelay, parseRetryAfter, type RetryPolicy } from "./retry.js";
import type { HttpResponse, Transport } from "./transport.js";
import type { Logger } from "../log.js";

export interface RequestContext {
  transport: Transport;
  pacer: RequestPacer;
  policy: RetryPolicy;
  timeoutMs: number;
  redact: Redactor;
  log: Logger;
}

export interface RequestSpec {
  api: BatchApiVersion;
  operation: string;
  url: URL;
  headers: Record<string, string>;
  /** Pacing lane (the project key on 2.x); none for v1.1. */
  paceKey?: string;
}

export async function getJson(spec: RequestSpec, ctx: RequestContext, signal?: AbortSignal): Promise<unknown> {
  let waitedMs = 0;
  for (let retry = 0; ; retry++) {
    const attempts = retry + 1;
    const outcome = await attempt(spec, ctx, signal).catch((e: unknown) => toBatchError(e, spec, ctx, signal));
    if (!(outcome instanceof BatchApiError)) {
      if (spec.paceKey) ctx.pacer.recover(spec.paceKey);
      return outcome.json;
    }
    const error = outcome;
    if (error.status === 429 && spec.paceKey) ctx.pacer.slowDown(spec.paceKey);
    const minimumMs = error.status === 429 && spec.api === "v1.1" ? ctx.policy.v1RateLimitWaitMs : 0;
    const delay = error.retryable
      ? nextDelay(retry, waitedMs, ctx.policy, { retryAfterMs: error.retryAfterMs, minimumMs })
      : undefined;
    if (delay === undefined) throw error.with({ attempts });
    ctx.log("warn", `${spec.operation}: ${error.message}; retry ${attempts} of ${ctx.policy.maxRetries} in ${delay} ms`);
    await sleep(delay, undefined, { signal }).catch(() => {
      throw aborted(spec, attempts);
    });
    waitedMs += delay;
  }
}

async function attempt(spec: RequestSpec, ctx: RequestContext, signal?: AbortSignal): Promise<{ json: unknown }> {
  if (signal?.aborted) throw aborted(spec);
  if (spec.paceKey) await ctx.pacer.acquire(spec.paceKey, signal);
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const headers = { accept: "application/json", "user-agent": "batch-mcp", ...spec.headers };
  let response: HttpResponse;
  try {
    response = await ctx.transport({ url: spec.url.toString(), headers, signal: combined });
  } catch (e) {
    if (signal?.aborted) throw aborted(spec);
    if (timeout.aborted) throw failure(spec, "timeout", true, `no answer within ${ctx.timeoutMs} ms`);
    throw failure(spec, "network", true, ctx.redact(describeNetworkError(e)));
  }
  if (response.status >= 200 && response.status < 300) return { json: parseJson(spec, response) };
  throw httpError(spec, response, ctx.redact);
}

function parseJson(spec: RequestSpec, response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    const type = response.header("content-type") ?? "no content type";
    throw failure(spec, "invalid-response", false, `the response was not JSON (${type}, ${response.body.length} bytes)`);
  }
}

function httpError(spec: RequestSpec, response: HttpResponse, redact: Redactor): BatchApiError {
  const body = parseErrorBody(response.body);
  return new BatchApiError({
    kind: "http",
    api: spec.api,
    operation: spec.operation,
    status: response.status,
    code: body.code,
    batchMessage: body.message === undefined ? undefined : redact(body.message),
    retryable: isRetryableStatus(response.status),
    retryAfterMs: parseRetryAfter(response.header("retry-after")),
  });
}

function toBatchError(e: unknown, spec: RequestSpec, ctx: RequestContext, signal?: AbortSignal): BatchApiError {
  if (e instanceof BatchApiError) return e;
  if (signal?.aborted) return aborted(spec);
  return failure(spec, "network", true, ctx.redact(describeNetworkError(e)));
}

function failure(spec: RequestSpec, kind: BatchApiError["kind"], retryable: boolean, message: string) {
  return new BatchApiError({ kind, api: spec.api, operation: spec.operation, retryable, batchMessage: message });
}

export function aborted(spec: RequestSpec, attempts?: number): BatchApiError {
  return new BatchApiError({
    kind: "aborted",
    api: spec.api,
    operation: spec.operation,
    retryable: false,
    batchMessage: "cancelled by the client",
    attempts,
  });
}

// Low-level errors carry codes like ECONNRESET in `code` or in a nested `cause`.
function describeNetworkError(e: unknown): string {
  if (!(e instanceof Error)) return "network error";
  const cause = (e as { cause?: unknown }).cause;
  const code = (e as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? `${code}: ${e.message}` : e.message;
}
