// list_projects: "which projects can I ask about?" The projects and apps this server answers
// for, as the caller may see them, and the default one. Asks nothing of Batch; shows no key.

import { z } from "zod";
import { projectChoices } from "../../projects/index.js";
import { projectsText, type ProjectSummary } from "../format/projects.js";
import { toolResult } from "../results.js";
import { defineTool } from "../tool-definition.js";

const output = {
  projects: z
    .array(
      z.object({
        name: z.string().describe("What to pass as `project`."),
        default: z.boolean().describe("True for the project a call that names none is about."),
        apps: z.array(z.string()).describe("Its apps, by name: what to pass as `app` to list_inapp_campaigns."),
        uri_base: z.string().describe("Where its resource URIs start: batch:// for the default project, batch://projects/{name}/ for the others."),
      }),
    )
    .describe("The projects you can use, in the server's order."),
  default_project: z.string().optional().describe("The project a call that names none is about; absent when you must name one."),
};

export const listProjects = defineTool({
  name: "list_projects",
  title: "List Batch projects",
  description:
    'The Batch projects this server answers for that you can use, each with its apps, and which one calls are about when they name none. Use it for "which projects can I ask about?" ' +
    "or before passing `project` or `app` to another tool. Asks nothing of Batch; never shows a key.",
  input: {},
  output,
  openWorld: false,
  offered: (config) => config.namedProjects,
  handler: async (_args, ctx) => {
    const { workspaces, grant } = ctx;
    const { projects, defaultProject } = workspaces.listFor(grant);
    const summaries: ProjectSummary[] = projects.map((p) => ({
      name: p.name,
      default: p === defaultProject,
      apps: p.apps.map((a) => a.name),
      uri_base: workspaces.uriBaseOf(p),
    }));
    const text = projectsText(summaries, projectChoices(workspaces.config.projects, grant));
    return toolResult(text, { projects: summaries, ...(defaultProject && { default_project: defaultProject.name }) });
  },
});
