import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED } from "../../src/batch/redact.js";

describe("redactor", () => {
  it("removes every occurrence of each secret, raw and URL-encoded", () => {
    const redact = createRedactor(["rest-KEY/1", "apikey123"]);
    const text = "GET /1.1/apikey123/x Bearer rest-KEY/1 and rest-KEY%2F1";
    const out = redact(text);
    expect(out).not.toContain("apikey123");
    expect(out).not.toContain("rest-KEY");
    expect(out.split(REDACTED)).toHaveLength(4);
  });

  it("is the identity when no secret is configured", () => {
    expect(createRedactor([undefined, ""])("nothing to hide")).toBe("nothing to hide");
  });
});
