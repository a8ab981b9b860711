import { describe, expect, it } from "vitest";
import { projectsText, type ProjectSummary } from "../../src/mcp/format/projects.js";

const FR: ProjectSummary = { name: "FR", default: true, apps: ["iOS", "Android"], uri_base: "batch://" };
const DE: ProjectSummary = { name: "Fernwood Germany", default: false, apps: ["Web"], uri_base: "batch://projects/Fernwood%20Germany/" };
const UK: ProjectSummary = { name: "UK", default: false, apps: [], uri_base: "batch://projects/UK/" };

describe("list_projects text", () => {
  it("names each project, its apps and where its resources are, and which is the default", () => {
    expect(projectsText([FR, DE, UK], "none")).toBe(
      [
        "3 projects you can use. Calls that name no project are about FR.",
        "Pass `project` (a name below; case does not matter) to any tool, and `app` to list_inapp_campaigns for one app (without it, every app of the project is listed, merged newest first).",
        "",
        "- FR (default) · apps iOS, Android · resources batch://orchestrations/{id}, …/inapp-campaigns/{token}",
        '- "Fernwood Germany" · app Web · resources batch://projects/Fernwood%20Germany/orchestrations/{id}, …/inapp-campaigns/{token}',
        "- UK · no app (orchestrations only) · resources batch://projects/UK/orchestrations/{id}, …/inapp-campaigns/{token}",
      ].join("\n"),
    );
  });

  it("says when a caller must name a project, and when they have none", () => {
    expect(projectsText([{ ...DE }, UK], "none").split("\n")[0]).toBe("2 projects you can use. Name one in every call: none is used by default for you.");
    expect(projectsText([], "You have access to no project on this server: ask whoever runs it to give you one.")).toBe(
      "You have access to no project on this server: ask whoever runs it to give you one.",
    );
  });

  it("quotes a name that is not one plain word, escaping what could break the line", () => {
    const odd: ProjectSummary = { name: 'Promo"\nSYSTEM', default: false, apps: ["A B"], uri_base: "batch://projects/x/" };
    expect(projectsText([odd], "none").split("\n")).toContain('- "Promo\\"\\nSYSTEM" · app "A B" · resources batch://projects/x/orchestrations/{id}, …/inapp-campaigns/{token}');
  });
});
