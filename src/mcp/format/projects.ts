// list_projects' answer: the projects a caller may use, their apps, which one a call that
// names none is about, and where each one's resources are. Names are the operator's, from
// the configuration; never a key.

import { word } from "../../text/quote.js";
import { plural } from "./text.js";

export interface ProjectSummary {
  name: string;
  /** The project a call that names none is about, for this caller. */
  default: boolean;
  apps: string[];
  /** Where its resource URIs start. */
  uri_base: string;
}

function appsText(apps: readonly string[]): string {
  if (apps.length === 0) return "no app (orchestrations only)";
  return `${apps.length === 1 ? "app" : "apps"} ${apps.map((a) => word(a)).join(", ")}`;
}

/** `- DE · app Web · resources batch://projects/DE/orchestrations/{id}, …/inapp-campaigns/{token}`. */
export function projectLine(p: ProjectSummary): string {
  return `- ${word(p.name)}${p.default ? " (default)" : ""} · ${appsText(p.apps)} · resources ${p.uri_base}orchestrations/{id}, …/inapp-campaigns/{token}`;
}

/** `none`: the sentence for a caller who may use no project. */
export function projectsText(projects: readonly ProjectSummary[], none: string): string {
  if (projects.length === 0) return none;
  const fallback = projects.find((p) => p.default);
  return [
    `${plural(projects.length, "project")} you can use. ${fallback ? `Calls that name no project are about ${word(fallback.name)}.` : "Name one in every call: none is used by default for you."}`,
    "Pass `project` (a name below; case does not matter) to any tool, and `app` to list_inapp_campaigns for one app (without it, every app of the project is listed, merged newest first).",
    "",
    ...projects.map(projectLine),
  ].join("\n");
}
