import { describe, expect, it } from "vitest";
import { BatchApiError, type BatchApiErrorDetails } from "../../src/batch/errors.js";
import { describeBatchError } from "../../src/mcp/error-messages.js";

const say = (d: Partial<BatchApiErrorDetails>) =>
  describeBatchError(new BatchApiError({ kind: "http", api: "v2", operation: "list orchestrations", retryable: false, ...d }));

describe("error sentences", () => {
  it("names the variables to check on a v2 401, with Batch's code", () => {
    const text = say({ status: 401, code: "AUTHENTICATION_INVALID", batchMessage: "The Rest API Key is not valid for this project" });
    expect(text).toContain("BATCH_REST_API_KEY");
    expect(text).toContain("BATCH_PROJECT_KEY");
    expect(text).toContain("code AUTHENTICATION_INVALID");
  });

  it("points at BATCH_API_KEY on a v1.1 404", () => {
    expect(say({ api: "v1.1", status: 404, code: "20" })).toMatch(/BATCH_API_KEY is wrong/);
  });

  it("says to retry later after repeated 429s", () => {
    expect(say({ status: 429, attempts: 4 })).toMatch(/after 4 attempts.*Wait a minute/);
  });

  it("names the missing variable and how to set it", () => {
    expect(say({ kind: "missing-config", variable: "BATCH_PROJECT_KEY" })).toMatch(/BATCH_PROJECT_KEY is not set.*claude mcp add/);
  });

  it("has a sentence for every kind of failure", () => {
    for (const kind of ["network", "timeout", "invalid-response", "aborted"] as const) {
      expect(say({ kind })).toMatch(/\.$/);
    }
    for (const status of [400, 403, 404, 500, 502, 503]) expect(say({ status })).toMatch(/Batch/);
  });
});
