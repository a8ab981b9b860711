// Which project a call is about: the one it names (`project`), the one whose key it passes
// (`project_key`, kept from before projects had names), or the default one; always as the
// caller's grant allows, so a project they may not see reads exactly like one that does not
// exist.

import { canSee, projectChoices, ProjectLookupError, resolveProject, visibleProjects, type Grant, type ProjectConfig, type ProjectsConfig } from "../projects/index.js";
import { InputError } from "./input-error.js";

export interface ProjectSelection {
  /** A configured project's name (ignoring case; a space counts as a hyphen). */
  project?: string | undefined;
  /** A Batch project key. */
  project_key?: string | undefined;
}

/**
 * The configured project a call selects. A `project_key` that no configured project has is
 * still served to callers who see every project, through the default project (its REST key),
 * as before projects had names; to anyone else it is unknown. Throws ProjectLookupError (the
 * sentence lists only what the caller may use) or InputError (both arguments at once).
 */
export function selectProject(config: ProjectsConfig, grant: Grant, selection: ProjectSelection): ProjectConfig {
  const { project, project_key: key } = selection;
  if (key === undefined) return resolveProject(config, grant, project);
  if (project !== undefined) throw new InputError("Pass project (a name) or project_key, not both.");
  const owner = config.projects.find((p) => p.projectKey === key);
  if (owner && canSee(grant, owner)) return owner;
  if (!owner && grant.all) return resolveProject(config, grant, undefined);
  // The same sentence whether another project has this key or none does: it tells nothing.
  const names = visibleProjects(config, grant).map((p) => p.name);
  throw new ProjectLookupError("unknown-project", `Unknown project_key: no project you can use has it. ${projectChoices(config, grant)}`, names);
}
