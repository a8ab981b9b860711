import { describe, expect, it } from "vitest";
import { BatchApiError } from "../../src/batch/errors.js";
import { RequestPacer } from "../../src/batch/pacer.js";
import { createRedactor } from "../../src/batch/redact.js";
import { getJson, type RequestContext } from "../../src/batch/request.js";
import { DEFAULT_RETRY_POLICY } from "../../src/batch/retry.js";
import type { HttpResponse, Transport } from "../../src/batch/transport.js";

type Step = Partial<HttpResponse> & { headers?: Record<string, string> } | Error | "hang";

/** A transport that answers from a script, one step per request, and counts requests. */
function scripted(steps: Step[]) {
  const calls: string[] = [];
  const transport: Transport = async ({ url, signal }) => {
    calls.push(url);
    const step = steps.shift() ?? { status: 200, body: "{}" };
    if (step === "hang") {
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))));
    }
    if (step instanceof Error) throw step;
    return { status: step.status ?? 200, body: step.body ?? "{}", header: (n) => step.headers?.[n.toLowerCase()] };
  };
  return { transport, calls };
}

function context(transport: Transport, overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    transport,
    pacer: new RequestPacer(0),
    policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1 },
    timeoutMs: 1000,
    redact: createRedactor(["SECRETKEY"]),
    log: () => {},
    ...overrides,
  };
}

const spec = { api: "v2" as const, operation: "list orchestrations", url: new URL("http://fake/SECRETKEY/x"), headers: {} };

async function failure(promise: Promise<unknown>): Promise<BatchApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof BatchApiError)) throw new Error(`expected a BatchApiError, got ${String(error)}`);
  return error;
}

describe("getJson", () => {
  it("retries 503 and connection resets, then returns the JSON", async () => {
    const { transport, calls } = scripted([{ status: 503 }, Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), { status: 200, body: '{"ok":true}' }]);
    await expect(getJson(spec, context(transport))).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(3);
  });

  it("waits at least the v1.1 rate-limit wait after a v1.1 429, and only then", async () => {
    const warnings: string[] = [];
    const log = (_level: string, message: string) => void warnings.push(message);
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1, v1RateLimitWaitMs: 120 };
    const v1 = scripted([{ status: 429 }, { status: 200, body: "[]" }]);
    await expect(getJson({ ...spec, api: "v1.1" }, context(v1.transport, { policy, log }))).resolves.toEqual([]);
    const v2 = scripted([{ status: 429 }, { status: 200, body: "[]" }]);
    await getJson(spec, context(v2.transport, { policy, log }));
    const delays = warnings.map((w) => Number(/in (\d+) ms/.exec(w)?.[1]));
    expect(delays[0]).toBeGreaterThanOrEqual(120);
    expect(delays[1]).toBeLessThan(120);
  });

  it("gives up after 3 retries with Batch's code and the attempt count", async () => {
    const body = JSON.stringify({ error_message: "Server error", error_code: "SERVER_ERROR" });
    const { transport, calls } = scripted(Array.from({ length: 5 }, () => ({ status: 500, body })));
    const error = await failure(getJson(spec, context(transport)));
    expect(calls).toHaveLength(4);
    expect(error).toMatchObject({ status: 500, code: "SERVER_ERROR", attempts: 4, batchMessage: "Server error" });
  });

  it("never retries a 401, and reads the v1.1 error shape", async () => {
    const { transport, calls } = scripted([{ status: 401, body: '{"code":10,"message":"Authentication invalid"}' }]);
    const error = await failure(getJson({ ...spec, api: "v1.1" }, context(transport)));
    expect(calls).toHaveLength(1);
    expect(error).toMatchObject({ status: 401, code: "10", retryable: false });
  });

  it("waits what Retry-After asks before retrying a 429", async () => {
    const { transport } = scripted([{ status: 429, headers: { "retry-after": "1" } }, { status: 200, body: "[]" }]);
    const started = performance.now();
    await getJson(spec, context(transport));
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("does not wait past the budget: a long Retry-After fails at once", async () => {
    const { transport, calls } = scripted([{ status: 429, headers: { "retry-after": "120" } }]);
    const error = await failure(getJson(spec, context(transport)));
    expect(calls).toHaveLength(1);
    expect(error.retryAfterMs).toBe(120_000);
  });

  it("times out a request that never answers, and retries it", async () => {
    const { transport, calls } = scripted(["hang", "hang", "hang", "hang"]);
    const error = await failure(getJson(spec, context(transport, { timeoutMs: 50 })));
    expect(error.kind).toBe("timeout");
    expect(calls).toHaveLength(4);
  });

  it("stops at once when the caller aborts", async () => {
    const { transport, calls } = scripted(["hang"]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await failure(getJson(spec, context(transport), controller.signal));
    expect(error.kind).toBe("aborted");
    expect(calls).toHaveLength(1);
  });

  it("reports a 200 that is not JSON without retrying", async () => {
    const { transport, calls } = scripted([{ status: 200, body: "<html>", headers: { "content-type": "text/html" } }]);
    const error = await failure(getJson(spec, context(transport)));
    expect(error.kind).toBe("invalid-response");
    expect(calls).toHaveLength(1);
  });

  it("redacts secrets from Batch's messages and network errors", async () => {
    const { transport } = scripted([{ status: 400, body: '{"error_message":"bad key SECRETKEY","error_code":"X"}' }]);
    const error = await failure(getJson(spec, context(transport)));
    expect(error.message).not.toContain("SECRETKEY");
    const net = scripted([new Error("connect failed for http://fake/SECRETKEY/x"), new Error("again SECRETKEY"), new Error("SECRETKEY"), new Error("SECRETKEY")]);
    const netError = await failure(getJson(spec, context(net.transport)));
    expect(netError.message).not.toContain("SECRETKEY");
  });
});
