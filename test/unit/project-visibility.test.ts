// Who sees which project: a grant (all, or some names) filters the configuration, and a
// project the caller may not see is answered word for word like one that does not exist.

import { describe, expect, it } from "vitest";
import {
  ALL_PROJECTS,
  GRANT_KEY,
  grantFromScopes,
  grantOf,
  onlyProjects,
  ProjectLookupError,
  resolveApps,
  resolveProject,
  visibleProjects,
  type Grant,
  type ProjectConfig,
  type ProjectsConfig,
} from "../../src/projects/index.js";

function project(name: string, apps: string[]): ProjectConfig {
  return { name, projectKey: `${name}-key`, restApiKey: "rest", apps: apps.map((a) => ({ name: a, apiKey: `${name}-${a}` })) };
}

const CONFIG: ProjectsConfig = {
  projects: [project("FR", ["iOS", "Android"]), project("Fernwood Germany", ["Web"]), project("UK", [])],
  defaultProject: "FR",
  tokens: [],
};

const names = (grant: Grant) => visibleProjects(CONFIG, grant).map((p) => p.name);

function lookupError(run: () => unknown): ProjectLookupError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProjectLookupError) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("visible projects", () => {
  it("are all of them for an unlimited grant, else those named, ignoring case", () => {
    expect(names(ALL_PROJECTS)).toEqual(["FR", "Fernwood Germany", "UK"]);
    expect(names(onlyProjects(["fernwood-germany", "uk"]))).toEqual(["Fernwood Germany", "UK"]);
    expect(names(onlyProjects(["Spain"]))).toEqual([]);
  });
});

describe("resolving the project a call names", () => {
  const limited = onlyProjects(["Fernwood Germany", "UK"]);

  it("finds a visible project by name, ignoring case", () => {
    expect(resolveProject(CONFIG, limited, "fernwood GERMANY").name).toBe("Fernwood Germany");
    expect(resolveProject(CONFIG, ALL_PROJECTS, "fr").name).toBe("FR");
  });

  it("answers an invisible project exactly like an unknown one, listing only the visible names", () => {
    const invisible = lookupError(() => resolveProject(CONFIG, limited, "FR"));
    const unknown = lookupError(() => resolveProject(CONFIG, limited, "Spain"));
    expect(invisible.message).toBe('Unknown project "FR". Projects you can use: Fernwood Germany, UK.');
    expect(unknown.message).toBe('Unknown project "Spain". Projects you can use: Fernwood Germany, UK.');
    expect({ ...invisible, message: undefined }).toEqual({ ...lookupError(() => resolveProject(CONFIG, limited, "fr")), message: undefined });
    expect(invisible).toMatchObject({ kind: "unknown-project", choices: ["Fernwood Germany", "UK"] });
    expect(unknown).toMatchObject({ kind: "unknown-project", choices: ["Fernwood Germany", "UK"] });
  });

  it("quotes a typed name on one line, cut", () => {
    const error = lookupError(() => resolveProject(CONFIG, ALL_PROJECTS, `evil\n\u202Ename${"x".repeat(200)}`));
    expect(error.message).toMatch(/^Unknown project "evil  namex{70}…"\. Projects you can use: FR, Fernwood Germany, UK\.$/);
  });

  it("says when the caller may see no project at all", () => {
    const nothing = onlyProjects([]);
    expect(lookupError(() => resolveProject(CONFIG, nothing, "FR")).message).toBe(
      'Unknown project "FR". You have access to no project on this server: ask whoever runs it to give you one.',
    );
    expect(lookupError(() => resolveProject(CONFIG, nothing, undefined))).toMatchObject({ kind: "no-project", choices: [] });
  });

  it("takes the default project when none is named, else the caller's only one, else asks", () => {
    expect(resolveProject(CONFIG, ALL_PROJECTS, undefined).name).toBe("FR");
    expect(resolveProject(CONFIG, onlyProjects(["UK"]), undefined).name).toBe("UK");
    const ask = lookupError(() => resolveProject(CONFIG, limited, undefined));
    expect(ask).toMatchObject({ kind: "project-required", message: "Say which project: Fernwood Germany, UK.", choices: ["Fernwood Germany", "UK"] });
  });
});

describe("resolving apps", () => {
  const fr = CONFIG.projects[0] as ProjectConfig;

  it("gives the app named (ignoring case), or every app of the project", () => {
    expect(resolveApps(fr, "android").map((a) => a.name)).toEqual(["Android"]);
    expect(resolveApps(fr, undefined).map((a) => a.name)).toEqual(["iOS", "Android"]);
  });

  it("lists the project's apps when the name is unknown, and says when there is none", () => {
    expect(lookupError(() => resolveApps(fr, "Web"))).toMatchObject({ kind: "unknown-app", message: 'Project "FR" has no app "Web". Its apps: iOS, Android.' });
    expect(lookupError(() => resolveApps(CONFIG.projects[2] as ProjectConfig, undefined))).toMatchObject({ kind: "no-app" });
  });
});

describe("grants", () => {
  it("come from OAuth scopes batch.project:<name>; none of them means every project", () => {
    expect(grantFromScopes(["batch.read", "batch.project:FR", "batch.project:fernwood-germany"])).toEqual(onlyProjects(["FR", "fernwood-germany"]));
    expect(grantFromScopes(["batch.read"])).toBe(ALL_PROJECTS);
    expect(grantFromScopes([])).toBe(ALL_PROJECTS);
    // An empty project name grants nothing, rather than everything.
    expect(grantFromScopes(["batch.project:"])).toEqual(onlyProjects([]));
  });

  it("are read from the request's auth info: none means unauthenticated (all), unreadable means nothing", () => {
    expect(grantOf(undefined)).toBe(ALL_PROJECTS);
    expect(grantOf({ extra: { [GRANT_KEY]: onlyProjects(["FR"]) } })).toEqual(onlyProjects(["FR"]));
    expect(grantOf({ extra: { [GRANT_KEY]: { all: true } } })).toEqual(ALL_PROJECTS);
    expect(grantOf({})).toEqual(onlyProjects([]));
    expect(grantOf({ extra: { [GRANT_KEY]: { all: false, projects: "FR" } } })).toEqual(onlyProjects([]));
  });
});
