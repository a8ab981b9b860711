// One workspace per project, built on first use and kept: its own client, caches and handle
// index, its own URI base; resources and their notifications follow the caller's grant.

import { describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { onlyProjects, ALL_PROJECTS, type ProjectsConfig } from "../../src/projects/index.js";
import { createServices } from "../../src/workspace/create-services.js";

const PROJECTS: ProjectsConfig = {
  projects: [
    { name: "FR", projectKey: "fr-key", restApiKey: "fr-rest-S3CRET", apps: [{ name: "iOS", apiKey: "fr-ios-S3CRET" }] },
    { name: "Fernwood Germany", projectKey: "de-key", restApiKey: "de-rest-S3CRET", apps: [] },
  ],
  defaultProject: "FR",
  tokens: [],
};

function config(): Config {
  return { ...loadConfig({ BATCH_RATE_LIMIT: "0" }), projects: PROJECTS, namedProjects: true };
}

describe("workspaces", () => {
  it("builds one workspace per project, once, with its URI base", () => {
    const { workspaces } = createServices(config(), silentLogger);
    const fr = workspaces.select(ALL_PROJECTS);
    const de = workspaces.select(ALL_PROJECTS, { project: "fernwood-germany" });
    expect(fr.uriBase).toBe("batch://");
    expect(de.uriBase).toBe("batch://projects/Fernwood%20Germany/");
    expect(workspaces.select(ALL_PROJECTS, { project: "Fernwood Germany" })).toBe(de);
    expect(de.cache).not.toBe(fr.cache);
    expect(de.handles).not.toBe(fr.handles);
    expect(de.client).not.toBe(fr.client);
  });

  it("shows a caller only the workspaces of projects they may see", () => {
    const { workspaces } = createServices(config(), silentLogger);
    workspaces.select(ALL_PROJECTS, { project: "Fernwood Germany" });
    expect(workspaces.visible(onlyProjects(["FR"])).map((w) => w.project.name)).toEqual(["FR"]);
    expect(workspaces.visible(ALL_PROJECTS).map((w) => w.project.name)).toEqual(["FR", "Fernwood Germany"]);
    expect(workspaces.defaultFor(onlyProjects(["Fernwood Germany"]))).toBeUndefined();
  });

  it("tells a listener of new items in the projects it may see, workspaces built later included", () => {
    const { workspaces } = createServices(config(), silentLogger);
    const heard: string[] = [];
    const stop = workspaces.onAdded((item) => heard.push(item.uri), onlyProjects(["Fernwood Germany"]));
    const de = workspaces.select(ALL_PROJECTS, { project: "Fernwood Germany" });
    workspaces.default.cache.put({ uri: "batch://orchestrations/a", kind: "orchestration", key: "a", name: "A", raw: {} });
    de.cache.put({ uri: `${de.uriBase}orchestrations/b`, kind: "orchestration", key: "b", name: "B", raw: {} });
    expect(heard).toEqual(["batch://projects/Fernwood%20Germany/orchestrations/b"]);
    stop();
    expect(de.cache.listening).toBe(0);
  });

  it("orders every project's cached items on one sequence", () => {
    const { workspaces } = createServices(config(), silentLogger);
    const de = workspaces.select(ALL_PROJECTS, { project: "Fernwood Germany" });
    const first = workspaces.default.cache.put({ uri: "batch://orchestrations/a", kind: "orchestration", key: "a", name: "A", raw: {} });
    const second = de.cache.put({ uri: `${de.uriBase}orchestrations/b`, kind: "orchestration", key: "b", name: "B", raw: {} });
    expect(second.seq).toBeGreaterThan(first.seq);
  });

  it("hides every project's keys, in any project's error", () => {
    const { workspaces } = createServices(config(), silentLogger);
    expect(workspaces.redact("fr-rest-S3CRET de-rest-S3CRET fr-ios-S3CRET")).not.toMatch(/S3CRET/);
  });
});
