import { describe, expect, it } from "vitest";
import { projectArgs } from "../../src/views/timeline/project.js";

describe("the timeline's project for a bar's statistics", () => {
  it("is the project the orchestration's URI names, else the listing's project_key, else none", () => {
    expect(projectArgs("batch://projects/Fernwood%20Germany/orchestrations/orchestration_x", "ignored")).toEqual({ project: "Fernwood Germany" });
    expect(projectArgs("batch://orchestrations/orchestration_x", "key-2")).toEqual({ project_key: "key-2" });
    expect(projectArgs("batch://orchestrations/orchestration_x", undefined)).toEqual({});
    expect(projectArgs(undefined, undefined)).toEqual({});
  });
});
