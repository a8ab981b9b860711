import { describe, expect, it } from "vitest";
import { idFromInput } from "../../src/workspace/handles/id-input.js";

const orchestration = (value: string) => idFromInput(value, "orchestrations", "orchestration");

describe("ids from tool input", () => {
  it("takes a bare id as is, trimmed", () => {
    expect(orchestration(" orchestration_06bw ")).toEqual({ ok: true, id: "orchestration_06bw" });
  });

  it("takes the id out of the resource URI a listing gave, and of its sub-resources", () => {
    expect(orchestration("batch://orchestrations/orchestration_06bw")).toEqual({ ok: true, id: "orchestration_06bw" });
    expect(orchestration("batch://orchestrations/a%20b/stats")).toEqual({ ok: true, id: "a b" });
  });

  it("refuses a URI of another kind of item, or an empty id, with a sentence saying what to pass", () => {
    expect(orchestration("batch://inapp-campaigns/tok")).toEqual({
      ok: false,
      problem: '"batch://inapp-campaigns/tok" is not a batch://orchestrations/{id} URI: pass the orchestration\'s id or its URI, as list results give them.',
    });
    expect(orchestration("batch://orchestrations/%E0")).toMatchObject({ ok: false });
    expect(orchestration("  ")).toEqual({ ok: false, problem: "The orchestration id is empty." });
  });
});
