// Where item resources live: the default project's URIs, as they always were
// (batch://orchestrations/{id}), and, when projects have names, every project's by name
// (batch://projects/{project}/orchestrations/{id}). A place says which workspace a URI reads
// from, as the caller's grant allows: a project they may not see is not found, in the same
// words as one that does not exist.

import type { CompleteResourceTemplateCallback, Variables } from "@modelcontextprotocol/server";
import { nameKey, ProjectLookupError, projectChoices, visibleProjects } from "../../projects/index.js";
import { DEFAULT_URI_BASE } from "../../workspace/kinds/uris.js";
import type { Services } from "../../workspace/services.js";
import type { Speaker } from "../speaker.js";
import { resourceNotFound } from "./not-found.js";
import { MAX_COMPLETIONS } from "./complete.js";

export interface Place {
  /** The URI template here, from the default project's ("batch://orchestrations/{id}"). */
  uriTemplate(template: string): string;
  /** The template's registered name here, from the default project's ("orchestration"). */
  name(kind: string): string;
  /** The workspace `uri` reads from; throws resource-not-found when the caller has none there. */
  workspace(variables: Variables, uri: string): Services;
  /** The workspace completions of the item variable come from, if any. */
  completing(context?: { arguments?: Record<string, string> }): Services | undefined;
  /** Completions of the place's own variables (the project's name). */
  complete: Record<string, CompleteResourceTemplateCallback>;
}

/** A template variable, as the SDK hands it over: still percent-encoded. */
export function variable(variables: Variables, name: string): string {
  const value = variables[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The default project's URIs; a caller who may not see that project is told to name one. */
function defaultPlace({ grant }: Speaker, services: Services): Place {
  const { workspaces } = services;
  return {
    uriTemplate: (template) => template,
    name: (kind) => kind,
    workspace(_variables, uri) {
      const found = workspaces.defaultFor(grant);
      if (found) return found;
      const path = uri.slice(DEFAULT_URI_BASE.length);
      throw resourceNotFound(uri, `Say which project: read ${DEFAULT_URI_BASE}projects/{project}/${path}. ${projectChoices(workspaces.config.projects, grant)}`);
    },
    completing: () => workspaces.defaultFor(grant),
    complete: {},
  };
}

/** Any project's URIs, by name. */
function projectPlace({ grant }: Speaker, services: Services): Place {
  const { workspaces } = services;
  const select = (name: string) => workspaces.select(grant, { project: decoded(name) });
  return {
    uriTemplate: (template) => `${DEFAULT_URI_BASE}projects/{project}/${template.slice(DEFAULT_URI_BASE.length)}`,
    name: (kind) => `project-${kind}`,
    workspace(variables, uri) {
      try {
        return select(variable(variables, "project"));
      } catch (error) {
        if (error instanceof ProjectLookupError) throw resourceNotFound(uri, error.message);
        throw error;
      }
    },
    completing(context) {
      const name = context?.arguments?.project;
      if (name === undefined) return undefined;
      try {
        return select(name);
      } catch {
        return undefined;
      }
    },
    complete: {
      project: (typed) =>
        visibleProjects(workspaces.config.projects, grant)
          .map((p) => p.name)
          .filter((n) => nameKey(n).startsWith(nameKey(typed)) || n.startsWith(typed))
          .slice(0, MAX_COMPLETIONS),
    },
  };
}

/** The places item resources are served at, for this caller. */
export function placesFor(speaker: Speaker, services: Services): Place[] {
  const places = [defaultPlace(speaker, services)];
  if (services.config.namedProjects) places.push(projectPlace(speaker, services));
  return places;
}
