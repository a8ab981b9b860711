// What a caller may use, as pure functions over the configuration and their grant. A
// project they may not see is answered exactly like one that does not exist, and an
// error lists only the projects they may see.

import type { Grant } from "./grant.js";
import { findApp, findProject, nameKey, quoted } from "./names.js";
import type { AppConfig, ProjectConfig, ProjectsConfig } from "./types.js";

export type LookupFailure = "unknown-project" | "no-project" | "project-required" | "unknown-app" | "no-app";

/** A project or app the caller named (or left out) that cannot be used; the message is the
 *  sentence to show them. */
export class ProjectLookupError extends Error {
  override readonly name = "ProjectLookupError";
  constructor(
    readonly kind: LookupFailure,
    message: string,
    /** The names the caller could have used instead. */
    readonly choices: readonly string[],
  ) {
    super(message);
  }
}

export function canSee(grant: Grant, project: ProjectConfig): boolean {
  return grant.all || grant.projects.some((n) => nameKey(n) === nameKey(project.name));
}

export function visibleProjects(config: ProjectsConfig, grant: Grant): ProjectConfig[] {
  return config.projects.filter((p) => canSee(grant, p));
}

const NO_PROJECT = "You have access to no project on this server: ask whoever runs it to give you one.";

/** The sentence that says what a caller may use instead of what they named. */
export function projectChoices(config: ProjectsConfig, grant: Grant): string {
  const names = visibleProjects(config, grant).map((p) => p.name);
  return names.length === 0 ? NO_PROJECT : `Projects you can use: ${names.join(", ")}.`;
}

/** The project a call is about: the one named, else the default, else the caller's only one. */
export function resolveProject(config: ProjectsConfig, grant: Grant, name: string | undefined): ProjectConfig {
  const visible = visibleProjects(config, grant);
  const names = visible.map((p) => p.name);
  const choices = projectChoices(config, grant);
  if (name !== undefined) {
    const project = findProject(config, name);
    if (project && canSee(grant, project)) return project;
    throw new ProjectLookupError("unknown-project", `Unknown project ${quoted(name)}. ${choices}`, names);
  }
  const fallback = findProject(config, config.defaultProject);
  if (fallback && canSee(grant, fallback)) return fallback;
  const [only] = visible;
  if (only && visible.length === 1) return only;
  if (!only) throw new ProjectLookupError("no-project", NO_PROJECT, names);
  throw new ProjectLookupError("project-required", `Say which project: ${names.join(", ")}.`, names);
}

/** The apps a call is about: the one named, else every app of the project. */
export function resolveApps(project: ProjectConfig, name: string | undefined): readonly AppConfig[] {
  const names = project.apps.map((a) => a.name);
  if (project.apps.length === 0) {
    throw new ProjectLookupError("no-app", `Project ${quoted(project.name)} has no app, so no in-app campaigns: add its apps (name, api_key) to BATCH_MCP_CONFIG.`, names);
  }
  if (name === undefined) return project.apps;
  const app = findApp(project, name);
  if (app) return [app];
  throw new ProjectLookupError("unknown-app", `Project ${quoted(project.name)} has no app ${quoted(name)}. Its apps: ${names.join(", ")}.`, names);
}
