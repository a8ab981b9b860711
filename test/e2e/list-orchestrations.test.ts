// list_orchestrations end to end: the built server over stdio, against the fake Batch.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestration, makeOrchestrations } from "../fake-batch/factories.js";
import { expectNoSecrets, PROJECT_KEY, REST_KEY, startSession, structuredOf, textOf, type Session } from "./harness.js";

const ALL_STATUSES = ["draft", "running", "completed", "stopped"];

interface Listed {
  orchestrations: Array<{ id: string; handle: string; name: string; status: string; uri: string; labels?: string[]; created_date?: string }>;
  returned: number;
  has_more: boolean;
  cursor?: string;
  pages: number;
  totals: { by_status: Record<string, number>; by_type: Record<string, number>; by_channel: Record<string, number> };
  warnings?: string[];
}

const listed = (result: { structuredContent?: unknown; isError?: boolean }) => structuredOf<Listed>(result);

describe("list_orchestrations", () => {
  let s: Session;
  const data = makeOrchestrations(2345);

  beforeAll(async () => {
    // Paging mechanics at large caps: a response budget this big never cuts first (response-budget.test.ts covers the default).
    s = await startSession({ fake: { orchestrations: data }, env: { BATCH_MCP_MAX_RESULT_CHARS: "1000000" } });
  });
  afterAll(() => s.close());

  it("is listed with described inputs, an output schema and read-only annotations", async () => {
    const { tools } = await s.client.listTools();
    const tool = tools.find((t) => t.name === "list_orchestrations");
    expect(tool?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true, title: expect.any(String) });
    expect(tool?.outputSchema?.properties).toHaveProperty("orchestrations");
    const props = tool?.inputSchema.properties as Record<string, { description?: string }>;
    for (const name of ["status", "type", "channels", "name_contains", "labels", "created_after", "created_before", "max_results", "cursor", "project_key"]) {
      expect(props[name]?.description, name).toBeTruthy();
    }
  });

  it("pages a 2,345-item listing to the cap and resumes to the end with no gap or repeat", async () => {
    s.fake.clearRequests();
    const ids: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const result = await s.call("list_orchestrations", { status: ALL_STATUSES, max_results: 1000, ...(cursor && { cursor }) });
      const page = listed(result);
      ids.push(...page.orchestrations.map((o) => o.id));
      cursor = page.cursor;
      expect(page.has_more).toBe(cursor !== undefined);
      calls++;
    } while (cursor);
    expect(calls).toBe(3);
    expect(ids).toEqual(data.map((o) => o.id));
    // 24 pages of 100 hold 2,345 items; resuming re-reads no page twice.
    expect(s.fake.requests.filter((r) => r.route === "orchestrations")).toHaveLength(24);
  });

  it("summarises the result in text: counts, continuation hint and one line per item", async () => {
    const result = await s.call("list_orchestrations", { max_results: 5 });
    const text = textOf(result);
    const page = listed(result);
    expect(text.split("\n")[0]).toBe("5 orchestrations from 1 page (max_results 5 reached).");
    expect(text).toMatch(/^Status: .* \| Type: .* \| Channel: /m);
    expect(text).toContain(`cursor "${page.cursor}"`);
    for (const o of page.orchestrations) {
      expect(text).toContain(`- ${o.handle} "${o.name}"`);
      expect(text).not.toContain(o.id);
      expect(o.id.replace("orchestration_", "").startsWith(o.handle)).toBe(true);
    }
    expect(text.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(5);
    expect(page.orchestrations[0]?.uri).toBe(`batch://orchestrations/${page.orchestrations[0]?.id}`);
  });

  it("sends status, type and channels to Batch, exploded, with the auth headers", async () => {
    s.fake.clearRequests();
    await s.call("list_orchestrations", { status: ["running", "draft"], type: ["trigger"], channels: ["in_app", "push"], max_results: 3 });
    const request = s.fake.requests[0];
    expect(request?.query).toMatchObject({ status: ["running", "draft"], type: ["trigger"], channels: ["in-app", "push"], limit: ["100"] });
    expect(request?.headers.authorization).toBe(`Bearer ${REST_KEY}`);
    expect(request?.headers["x-batch-project"]).toBe(PROJECT_KEY);
  });

  it("applies name, label and date filters locally and keeps paging until the cap", async () => {
    const result = await s.call("list_orchestrations", {
      status: ALL_STATUSES,
      name_contains: "WEEKLY newsletter",
      labels: ["promo"],
      created_after: "2023-01-01",
      created_before: "2025-06-01T00:00:00Z",
      max_results: 10,
    });
    const page = listed(result);
    expect(page.returned).toBe(10);
    for (const o of page.orchestrations) {
      expect(o.name.toLowerCase()).toContain("weekly newsletter");
      expect(o.labels).toContain("PROMO");
      expect(Date.parse(o.created_date ?? "")).toBeGreaterThanOrEqual(Date.parse("2023-01-01"));
      expect(Date.parse(o.created_date ?? "")).toBeLessThan(Date.parse("2025-06-01"));
    }
    const expected = data.filter(
      (o) =>
        /weekly newsletter/i.test(String(o.name)) &&
        (o.labels as string[] | undefined)?.includes("PROMO") &&
        String(o.created_date) >= "2023-01-01" &&
        String(o.created_date) < "2025-06-01",
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(page.orchestrations.map((o) => o.id)).toEqual(expected.slice(0, 10).map((o) => o.id));
  });

  it("resumes a filtered listing from the cursor alone", async () => {
    const first = listed(await s.call("list_orchestrations", { status: ["draft"], name_contains: "warmup", max_results: 7 }));
    const second = listed(await s.call("list_orchestrations", { cursor: first.cursor, max_results: 7 }));
    const expected = data.filter((o) => o.status === "draft" && /warmup/i.test(String(o.name))).slice(0, 14).map((o) => o.id);
    expect([...first.orchestrations, ...second.orchestrations].map((o) => o.id)).toEqual(expected);
  });

  it("refuses a cursor combined with different filters, or a garbage cursor, and keeps serving", async () => {
    const first = listed(await s.call("list_orchestrations", { status: ["draft"], max_results: 2 }));
    const mixed = await s.call("list_orchestrations", { cursor: first.cursor, status: ["running"] });
    expect(mixed.isError).toBe(true);
    expect(textOf(mixed)).toMatch(/different status/);
    const garbage = await s.call("list_orchestrations", { cursor: "not-a-cursor" });
    expect(garbage.isError).toBe(true);
    expect(textOf(garbage)).toMatch(/cursor/);
    expect(listed(await s.call("list_orchestrations", { max_results: 1 })).returned).toBe(1);
  });

  it("rejects bad input with a clear error", async () => {
    for (const args of [{ max_results: 0 }, { max_results: 50_000 }, { status: ["paused"] }, { created_after: "last june" }]) {
      const result = await s.call("list_orchestrations", args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(textOf(result)).toMatch(/Input validation error/);
    }
  });

  it("reports progress once per page when asked", async () => {
    const updates: Array<{ progress: number; message?: string }> = [];
    await s.call("list_orchestrations", { status: ALL_STATUSES, max_results: 350 }, { onprogress: (p) => updates.push(p) });
    expect(updates.map((u) => u.progress)).toEqual([1, 2, 3]);
    expect(updates[2]?.message).toBe("Fetched 3 pages, 300 orchestrations so far");
  });

  it("queries another project when project_key is given", async () => {
    s.fake.setOrchestrations([makeOrchestration(0, { name: "Other project only", status: "running" })], "project-key-2");
    const page = listed(await s.call("list_orchestrations", { project_key: "project-key-2" }));
    expect(page.orchestrations.map((o) => o.name)).toEqual(["Other project only"]);
  });
});

describe("list_orchestrations when Batch misbehaves", () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ fake: { orchestrations: makeOrchestrations(450) } });
  });
  afterAll(() => s.close());

  it("names the keys to check on 401 and shows Batch's code", async () => {
    s.fake.script({ route: "orchestrations", fault: { kind: "status", status: 401 } });
    const result = await s.call("list_orchestrations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/HTTP 401, code AUTHENTICATION_INVALID.*BATCH_REST_API_KEY.*BATCH_PROJECT_KEY/);
  });

  it("retries 429 honouring Retry-After and succeeds", async () => {
    s.fake.clearRequests();
    s.fake.script({ route: "orchestrations", fault: { kind: "status", status: 429, headers: { "retry-after": "1" } } });
    const result = await s.call("list_orchestrations", { max_results: 10 });
    expect(result.isError).toBeFalsy();
    const [first, second] = s.fake.requests;
    expect((second?.startedAt ?? 0) - (first?.startedAt ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("says to retry later when 429 persists after the retries", async () => {
    s.fake.script({ route: "orchestrations", times: 4, fault: { kind: "status", status: 429 } });
    const result = await s.call("list_orchestrations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/rate-limiting.*after 4 attempts.*Wait a minute/);
  });

  it("returns the pages collected, a warning and a cursor when a later page fails", async () => {
    s.fake.script({ route: "orchestrations", nth: 3, times: 4, fault: { kind: "status", status: 500 } });
    const result = await s.call("list_orchestrations", { status: ALL_STATUSES, max_results: 400 });
    expect(result.isError).toBeFalsy();
    const page = listed(result);
    expect(page.returned).toBe(200);
    expect(page.warnings?.join(" ")).toMatch(/partial.*server error.*resume from the failed page/);
    const rest = listed(await s.call("list_orchestrations", { cursor: page.cursor, max_results: 400 }));
    expect(rest.returned).toBe(250);
    expect(new Set([...page.orchestrations, ...rest.orchestrations].map((o) => o.id)).size).toBe(450);
  });

  it("stops with a warning when Batch repeats a cursor or omits next_from", async () => {
    s.fake.script({ route: "orchestrations", nth: 2, fault: { kind: "repeat-cursor" } });
    const repeated = listed(await s.call("list_orchestrations", { status: ALL_STATUSES, max_results: 1000 }));
    expect(repeated.warnings?.join(" ")).toMatch(/already sent/);
    expect(repeated.returned).toBe(200);
    s.fake.script({ route: "orchestrations", fault: { kind: "has-more-no-next" } });
    const noNext = listed(await s.call("list_orchestrations", { status: ALL_STATUSES, max_results: 1000 }));
    expect(noNext.returned).toBe(100);
    expect(noNext.warnings?.join(" ")).toMatch(/no cursor/);
  });

  it("reports a body that is not JSON as a format problem", async () => {
    s.fake.script({ route: "orchestrations", fault: { kind: "non-json" } });
    const result = await s.call("list_orchestrations", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/not in the documented format.*BATCH_API_BASE_URL/);
  });

  it("never shows a secret in any result or log line", async () => {
    s.fake.script({ route: "orchestrations", fault: { kind: "status", status: 400, body: { error_message: `bad key test-rest-key-S3CRET`, error_code: "X" } } });
    const result = await s.call("list_orchestrations", {});
    expectNoSecrets(JSON.stringify(result), s.stderr());
    expect(textOf(result)).toContain("[redacted]");
  });
});

describe("list_orchestrations without configuration", () => {
  it("starts, lists its tools, and names the missing variable on call", async () => {
    const s = await startSession({ env: { BATCH_REST_API_KEY: undefined, BATCH_PROJECT_KEY: undefined } });
    try {
      const { tools } = await s.client.listTools();
      expect(tools.map((t) => t.name)).toContain("list_orchestrations");
      const result = await s.call("list_orchestrations", {});
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/BATCH_REST_API_KEY is not set/);
      expect(s.fake.requests).toHaveLength(0);
    } finally {
      await s.close();
    }
  });

  it("keeps serving with a warning when a setting is invalid", async () => {
    const s = await startSession({ fake: { orchestrations: makeOrchestrations(3) }, env: { BATCH_TIMEOUT_MS: "soon" } });
    try {
      const result = await s.call("list_orchestrations", {});
      expect(listed(result).warnings).toContain('BATCH_TIMEOUT_MS="soon" is not a number between 100 and 300000; using 20000.');
      expect(s.stderr()).toMatch(/BATCH_TIMEOUT_MS/);
    } finally {
      await s.close();
    }
  });
});
