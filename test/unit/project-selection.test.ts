// Which project a call is about, as the caller's grant allows: by name, by the raw project
// key kept from before projects had names, or the default; a key the caller may not use is
// refused in the same words whether another project has it or none does.

import { describe, expect, it } from "vitest";
import { ALL_PROJECTS, onlyProjects, ProjectLookupError, type ProjectConfig, type ProjectsConfig } from "../../src/projects/index.js";
import { InputError } from "../../src/workspace/input-error.js";
import { selectProject } from "../../src/workspace/project-selection.js";

function project(name: string): ProjectConfig {
  return { name, projectKey: `${name}-key`, restApiKey: "rest", apps: [] };
}

const CONFIG: ProjectsConfig = { projects: [project("FR"), project("DE")], defaultProject: "FR", tokens: [] };
const FR_ONLY = onlyProjects(["FR"]);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ProjectLookupError) return error.message;
    throw error;
  }
  throw new Error("no error");
}

describe("selecting a call's project", () => {
  it("takes the project named, else the default", () => {
    expect(selectProject(CONFIG, ALL_PROJECTS, { project: "de" }).name).toBe("DE");
    expect(selectProject(CONFIG, ALL_PROJECTS, {}).name).toBe("FR");
  });

  it("takes the project whose key is passed as project_key", () => {
    expect(selectProject(CONFIG, ALL_PROJECTS, { project_key: "DE-key" }).name).toBe("DE");
    expect(selectProject(CONFIG, FR_ONLY, { project_key: "FR-key" }).name).toBe("FR");
  });

  it("serves a project_key no project has through the default project, to a caller who sees every project", () => {
    expect(selectProject(CONFIG, ALL_PROJECTS, { project_key: "agency-client-key" }).name).toBe("FR");
  });

  it("refuses another project's key exactly as a key no project has, to a caller limited to some", () => {
    const theirs = refusal(() => selectProject(CONFIG, FR_ONLY, { project_key: "DE-key" }));
    expect(theirs).toBe("Unknown project_key: no project you can use has it. Projects you can use: FR.");
    expect(refusal(() => selectProject(CONFIG, FR_ONLY, { project_key: "agency-client-key" }))).toBe(theirs);
    expect(theirs).not.toContain("DE");
  });

  it("refuses a project the caller may not see exactly as one that does not exist", () => {
    expect(refusal(() => selectProject(CONFIG, FR_ONLY, { project: "DE" }))).toBe('Unknown project "DE". Projects you can use: FR.');
    expect(refusal(() => selectProject(CONFIG, FR_ONLY, { project: "XX" }))).toBe('Unknown project "XX". Projects you can use: FR.');
  });

  it("refuses a project and a project_key together", () => {
    expect(() => selectProject(CONFIG, ALL_PROJECTS, { project: "FR", project_key: "FR-key" })).toThrow(InputError);
  });
});
