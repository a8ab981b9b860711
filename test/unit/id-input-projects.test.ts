// Ids from tool input in a project other than the default one: its URIs carry its name.

import { describe, expect, it } from "vitest";
import { idFromInput } from "../../src/workspace/handles/id-input.js";

describe("ids from tool input, by project", () => {
  it("takes the id out of a URI of the call's project", () => {
    expect(idFromInput("batch://projects/DE/orchestrations/orchestration_06bw/stats", "orchestrations", "orchestration", "batch://projects/DE/")).toEqual({ ok: true, id: "orchestration_06bw" });
  });

  it("says which project a URI of another project belongs to, and to pass it", () => {
    expect(idFromInput("batch://projects/Fernwood%20Germany/orchestrations/orchestration_06bw", "orchestrations", "orchestration")).toEqual({
      ok: false,
      problem:
        '"batch://projects/Fernwood%20Germany/orchestrations/orchestration_06bw" is not a batch://orchestrations/{id} URI: pass the orchestration\'s id or its URI, as list results give them. ' +
        'It is a URI of project "Fernwood Germany": pass that name as `project` with it.',
    });
    expect(idFromInput("batch://orchestrations/orchestration_06bw", "orchestrations", "orchestration", "batch://projects/DE/")).toMatchObject({ ok: false, problem: expect.stringMatching(/is not a batch:\/\/projects\/DE\/orchestrations\/\{id\} URI/) });
  });
});
