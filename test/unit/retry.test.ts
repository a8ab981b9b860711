import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus, nextDelay, parseRetryAfter } from "../../src/batch/retry.js";

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 500 };

describe("retry policy", () => {
  it("retries 429 and 5xx gateway errors, never client errors", () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("backs off exponentially with jitter between half and all of the step", () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(250);
    expect(backoffDelay(0, policy, () => 1)).toBe(500);
    expect(backoffDelay(2, policy, () => 1)).toBe(2000);
    expect(backoffDelay(10, policy, () => 1)).toBe(policy.maxDelayMs);
  });

  it("stops after the retry count or when the wait budget would be exceeded", () => {
    expect(nextDelay(3, 0, policy, {})).toBeUndefined();
    expect(nextDelay(0, 29_000, policy, { retryAfterMs: 2000 })).toBeUndefined();
    expect(nextDelay(0, 0, policy, { retryAfterMs: 2000 })).toBe(2000);
  });

  it("applies a minimum wait even when Retry-After asks for less", () => {
    expect(nextDelay(0, 0, policy, { retryAfterMs: 1000, minimumMs: 5000 })).toBe(5000);
    expect(nextDelay(0, 0, policy, { minimumMs: 5000 }, () => 0)).toBe(5000);
  });
});
