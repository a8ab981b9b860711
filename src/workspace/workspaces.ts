// Every project's workspace, built on first use and kept for the life of the process: one
// Batch client (its REST key, its pacing), item cache, handle index, kept pages and stats
// cache per project, so what one project's calls learn never answers another project's.
// Who may use which is decided here too, from the caller's grant.

import type { Redactor } from "../batch/redact.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { ALL_PROJECTS, canSee, findProject, nameKey, resolveProject, sameName, visibleProjects, type Grant, type ProjectConfig } from "../projects/index.js";
import { DEFAULT_URI_BASE, projectUriBase } from "./kinds/uris.js";
import { selectProject, type ProjectSelection } from "./project-selection.js";
import type { Services } from "./services.js";
import type { CachedItem } from "./state/item-cache.js";

/** Builds one project's workspace; `uriBase` is where its URIs start. */
export type BuildWorkspace = (project: ProjectConfig, uriBase: string, workspaces: Workspaces) => Services;

interface Subscription {
  attach(services: Services): void;
}

export class Workspaces {
  private readonly built = new Map<string, Services>();
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    readonly config: Config,
    readonly log: Logger,
    /** Hides every key of every project. */
    readonly redact: Redactor,
    private readonly build: BuildWorkspace,
  ) {}

  /** The default project (config.projects.defaultProject). */
  get defaultProject(): ProjectConfig {
    const { projects } = this.config;
    const project = findProject(projects, projects.defaultProject);
    if (!project) throw new Error("the configuration names a default project it does not have");
    return project;
  }

  /** The default project's workspace. */
  get default(): Services {
    return this.of(this.defaultProject);
  }

  /** Where a project's URIs start: batch:// for the default project, batch://projects/{name}/ for the others. */
  uriBaseOf(project: ProjectConfig): string {
    return sameName(project.name, this.config.projects.defaultProject) ? DEFAULT_URI_BASE : projectUriBase(project.name);
  }

  /** The projects a caller may use, in the configuration's order, and the one they get when naming none (if any). */
  listFor(grant: Grant): { projects: ProjectConfig[]; defaultProject: ProjectConfig | undefined } {
    const projects = visibleProjects(this.config.projects, grant);
    try {
      return { projects, defaultProject: resolveProject(this.config.projects, grant, undefined) };
    } catch {
      return { projects, defaultProject: undefined };
    }
  }

  /** A configured project's workspace, built on first use. */
  of(project: ProjectConfig): Services {
    const key = nameKey(project.name);
    const known = this.built.get(key);
    if (known) return known;
    const services = this.build(project, this.uriBaseOf(project), this);
    this.built.set(key, services);
    for (const subscription of this.subscriptions) subscription.attach(services);
    return services;
  }

  /** The workspace of the project a call selects, as the caller's grant allows. Throws
   *  ProjectLookupError (an unknown or unseen project) or InputError. */
  select(grant: Grant, selection: ProjectSelection = {}): Services {
    return this.of(selectProject(this.config.projects, grant, selection));
  }

  /** The default project's workspace, when the caller may see that project. */
  defaultFor(grant: Grant): Services | undefined {
    const project = this.defaultProject;
    return canSee(grant, project) ? this.of(project) : undefined;
  }

  /** The workspaces built so far whose project the caller may see. */
  visible(grant: Grant): Services[] {
    return [...this.built.values()].filter((s) => canSee(grant, s.project));
  }

  /** Calls `listener` for each item a visible workspace's cache did not hold (workspaces built
   *  later included); returns what stops it. */
  onAdded(listener: (item: CachedItem) => void, grant: Grant = ALL_PROJECTS): () => void {
    const stops: Array<() => void> = [];
    const subscription: Subscription = {
      attach: (services) => {
        if (canSee(grant, services.project)) stops.push(services.cache.onAdded(listener));
      },
    };
    this.subscriptions.add(subscription);
    for (const services of this.built.values()) subscription.attach(services);
    return () => {
      this.subscriptions.delete(subscription);
      for (const stop of stops.splice(0)) stop();
    };
  }

  /** Stops background work (the stats prefetch) everywhere: the client is gone. */
  close(): void {
    for (const services of this.built.values()) {
      services.prefetch.close();
      services.contentPrefetch.close();
    }
  }
}
