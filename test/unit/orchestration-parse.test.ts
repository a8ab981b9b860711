import { describe, expect, it } from "vitest";
import { BatchApiError } from "../../src/batch/errors.js";
import { parseOrchestration } from "../../src/batch/orchestration.js";
import { orchestrationsListUrl, parseOrchestrationsPage } from "../../src/batch/orchestrations-endpoint.js";

describe("orchestration parsing", () => {
  it("normalises the documented sample's quirks and keeps the raw object", () => {
    const raw = {
      id: "orchestration_1",
      type: "onetime",
      channels: ["email", "in-app"],
      recurrence: { repeat_unit: "weekly", repeat_fequency: 1 },
      messages_steps: [{ step_name: "Welcome", step_id: "s1" }],
      extra_field: { anything: true },
      status: "paused_by_ops",
    };
    const o = parseOrchestration(raw);
    expect(o).toMatchObject({
      id: "orchestration_1",
      type: "campaign",
      channels: ["email", "in_app"],
      recurrence: { unit: "WEEKLY", frequency: 1 },
      message_steps: [{ step_name: "Welcome", step_id: "s1" }],
      status: "paused_by_ops",
      name: "(unnamed)",
    });
    expect(o?.raw).toBe(raw);
  });

  it("reads wrong types as absent rather than failing", () => {
    const o = parseOrchestration({ id: "x", name: 42, labels: "NEWSLETTER", capping: "3", channels: null });
    expect(o).toMatchObject({ id: "x", name: "(unnamed)", capping: 3, channels: [] });
    expect(o?.labels).toBeUndefined();
  });

  it("rejects items that are not objects with an id", () => {
    expect(parseOrchestration({ name: "no id" })).toBeUndefined();
    expect(parseOrchestration("str")).toBeUndefined();
  });
});

describe("orchestrations page", () => {
  it("follows next_from while has_more is true", () => {
    const page = parseOrchestrationsPage({ orchestrations: [{ id: "a" }], has_more: true, next_from: "c2" }, "c1");
    expect(page).toMatchObject({ position: "c1", next: "c2", warnings: [] });
  });

  it("stops with a warning when has_more comes without next_from", () => {
    const page = parseOrchestrationsPage({ orchestrations: [{ id: "a" }], has_more: true }, undefined);
    expect(page.next).toBeUndefined();
    expect(page.warnings[0]).toMatch(/no cursor/);
  });

  it("skips id-less items and says how many", () => {
    const page = parseOrchestrationsPage({ orchestrations: [{ id: "a" }, {}, 3], has_more: false }, undefined);
    expect(page.items).toHaveLength(1);
    expect(page.warnings[0]).toMatch(/^2 item/);
  });

  it("throws an invalid-response error when there is no orchestrations array", () => {
    expect(() => parseOrchestrationsPage({ foo: 1 }, undefined)).toThrow(BatchApiError);
    expect(() => parseOrchestrationsPage([], undefined)).toThrow(/orchestrations/);
  });

  it("sends array filters form-style, exploded, with the page size", () => {
    const url = orchestrationsListUrl("http://h", "2.10", { status: ["running", "draft"], channels: ["in-app"] }, "abc=");
    expect(url.toString()).toBe("http://h/2.10/orchestrations/list?limit=100&from=abc%3D&status=running&status=draft&channels=in-app");
  });
});
