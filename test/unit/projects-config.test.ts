// BATCH_MCP_CONFIG: a good file becomes the projects the server answers for; every
// mistake stops the start with one sentence naming the file, the JSON path and the
// problem, and never a key.

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig, ProjectsConfigError } from "../../src/config.js";
import {
  findApp,
  findProject,
  loadProjectsFile,
  parseProjectsConfig,
  readableByOthers,
  secretsOf,
  type ProjectsConfig,
} from "../../src/projects/index.js";

const FILE = "/etc/batch-mcp/projects.json";
const HASH = "a".repeat(64);
const SECRETS = ["rest-FR-s3cret", "ios-FR-s3cret", "android-FR-s3cret", "web-DE-s3cret", "rest-ENV-s3cret", "de-project-key"];

type Entry = Record<string, unknown>;
interface FileShape {
  projects: Array<Entry & { apps: Entry[] }>;
  default_project?: string;
  tokens: Entry[];
}

const good = (): FileShape => ({
  projects: [
    {
      name: "FR",
      project_key: "fr-project-key",
      rest_api_key: "rest-FR-s3cret",
      apps: [
        { name: "iOS", api_key: "ios-FR-s3cret" },
        { name: "Android", api_key: { env: "ANDROID_KEY" } },
      ],
    },
    { name: "Fernwood Germany", project_key: { env: "DE_PROJECT" }, apps: [{ name: "Web", api_key: "web-DE-s3cret" }] },
  ],
  default_project: "fr",
  tokens: [{ sha256: HASH, projects: ["fernwood germany"] }],
});

const ENV = { ANDROID_KEY: "android-FR-s3cret", DE_PROJECT: "de-project-key", BATCH_REST_API_KEY: "rest-ENV-s3cret" };

const parse = (value: unknown, env: Record<string, string | undefined> = ENV): ProjectsConfig =>
  parseProjectsConfig(typeof value === "string" ? value : JSON.stringify(value), FILE, env);

/** The sentence a bad file stops the start with, checked to hold no key. */
function refusal(value: unknown, env: Record<string, string | undefined> = ENV): string {
  try {
    parse(value, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ProjectsConfigError);
    const message = (error as Error).message;
    for (const secret of SECRETS) expect(message).not.toContain(secret);
    expect(message.startsWith(`BATCH_MCP_CONFIG file ${FILE}: `)).toBe(true);
    return message;
  }
  throw new Error("the file was accepted");
}

/** A copy of the good file with one change made in place. */
function edited(change: (file: FileShape, fr: Entry, de: Entry) => void): unknown {
  const file = good();
  const [fr = {}, de = {}] = file.projects;
  change(file, fr, de);
  return file;
}

describe("BATCH_MCP_CONFIG: a good file", () => {
  it("gives typed projects and apps, secrets read from { env }, the REST key falling back to BATCH_REST_API_KEY", () => {
    expect(parse(good())).toEqual({
      projects: [
        {
          name: "FR",
          projectKey: "fr-project-key",
          restApiKey: "rest-FR-s3cret",
          apps: [
            { name: "iOS", apiKey: "ios-FR-s3cret" },
            { name: "Android", apiKey: "android-FR-s3cret" },
          ],
        },
        { name: "Fernwood Germany", projectKey: "de-project-key", restApiKey: "rest-ENV-s3cret", apps: [{ name: "Web", apiKey: "web-DE-s3cret" }] },
      ],
      defaultProject: "FR",
      tokens: [{ sha256: HASH, projects: ["fernwood germany"] }],
    });
  });

  it("needs no default_project, apps or tokens with a single project", () => {
    const config = parse({ projects: [{ name: "Solo", project_key: "k", rest_api_key: "r" }] });
    expect(config).toEqual({ projects: [{ name: "Solo", projectKey: "k", restApiKey: "r", apps: [] }], defaultProject: "Solo", tokens: [] });
  });

  it("accepts a token hash written sha256:<hex>, in capitals, and keeps it lowercase", () => {
    const config = parse(edited((f) => (f.tokens[0] = { sha256: `sha256:${"AB".repeat(32)}`, projects: ["FR"] })));
    expect(config.tokens[0]?.sha256).toBe("ab".repeat(32));
  });

  it("finds projects and apps by name ignoring case, with spaces and hyphens alike", () => {
    const config = parse(good());
    expect(findProject(config, "fr")?.name).toBe("FR");
    expect(findProject(config, "FERNWOOD-germany")?.name).toBe("Fernwood Germany");
    expect(findProject(config, " fernwood   germany ")?.name).toBe("Fernwood Germany");
    expect(findProject(config, "Fernwood")).toBeUndefined();
    const fr = findProject(config, "FR");
    expect(fr && findApp(fr, "ios")?.apiKey).toBe("ios-FR-s3cret");
    expect(fr && findApp(fr, "Web")).toBeUndefined();
  });

  it("lists every REST and API key for redaction", () => {
    expect(secretsOf(parse(good())).sort()).toEqual(["android-FR-s3cret", "ios-FR-s3cret", "rest-ENV-s3cret", "rest-FR-s3cret", "web-DE-s3cret"]);
  });
});

describe("BATCH_MCP_CONFIG: mistakes stop the start, naming the file, the path and the problem", () => {
  it("a missing field", () => {
    expect(refusal({ default_project: "FR" })).toBe(`BATCH_MCP_CONFIG file ${FILE}: projects is missing.`);
    expect(refusal(edited((f) => delete f.projects[0]?.name))).toMatch(/: projects\[0\]\.name is missing\.$/);
    expect(refusal(edited((f) => delete f.projects[1]?.project_key))).toMatch(/: projects\[1\]\.project_key is missing\.$/);
    expect(refusal(edited((f) => delete f.projects[0]?.apps[1]?.api_key))).toMatch(/: projects\[0\]\.apps\[1\]\.api_key is missing\.$/);
    expect(refusal(edited((f) => delete f.default_project))).toMatch(/: default_project is missing: with several projects/);
    expect(refusal(edited((f) => delete f.tokens[0]?.projects))).toMatch(/: tokens\[0\]\.projects is missing\.$/);
  });

  it("a REST key neither in the file nor in BATCH_REST_API_KEY", () => {
    expect(refusal(good(), { ...ENV, BATCH_REST_API_KEY: undefined })).toMatch(/: projects\[1\]\.rest_api_key is missing, and BATCH_REST_API_KEY \(its fallback\) is not set\.$/);
  });

  it("a duplicate name, compared ignoring case", () => {
    expect(refusal(edited((f) => f.projects.push({ name: "fr", project_key: "x", apps: [] })))).toBe(
      `BATCH_MCP_CONFIG file ${FILE}: projects[2].name repeats the project name "fr" of projects[0].name (names are compared ignoring case, spaces and hyphens alike).`,
    );
    expect(refusal(edited((f) => f.projects[0]?.apps.push({ name: "IOS", api_key: "k" })))).toMatch(/: projects\[0\]\.apps\[2\]\.name repeats the app name "IOS" of projects\[0\]\.apps\[0\]\.name/);
    expect(refusal(edited((f) => f.tokens.push({ sha256: HASH.toUpperCase(), projects: ["FR"] })))).toMatch(/: tokens\[1\]\.sha256 repeats the token of tokens\[0\]/);
  });

  it("a { env } secret whose variable is not set, naming the variable", () => {
    expect(refusal(good(), { ...ENV, ANDROID_KEY: " " })).toBe(
      `BATCH_MCP_CONFIG file ${FILE}: projects[0].apps[1].api_key names the environment variable ANDROID_KEY, which is not set.`,
    );
  });

  it("names that point nowhere", () => {
    expect(refusal(edited((f) => (f.default_project = "UK")))).toMatch(/: default_project names no configured project: "UK" \(projects: FR, Fernwood Germany\)\.$/);
    expect(refusal(edited((f) => (f.tokens[0] = { sha256: HASH, projects: ["FR", "UK"] })))).toMatch(/: tokens\[0\]\.projects\[1\] names no configured project: "UK"/);
  });

  it("wrong types and unknown fields, without quoting a value", () => {
    expect(refusal(edited((_f, fr) => (fr.rest_api_key = 12345)))).toMatch(
      /: projects\[0\]\.rest_api_key must be a string or \{ "env": "VARIABLE" \}\.$/,
    );
    expect(refusal(edited((_f, fr) => (fr.rest_api_keys = "rest-FR-s3cret")))).toMatch(
      /: projects\[0\] has a field "rest_api_keys" this server does not know \(known: name, project_key, rest_api_key, apps\)\.$/,
    );
    expect(refusal(edited((f) => (f.tokens[0] = { sha256: "rest-FR-s3cret", projects: ["FR"] })))).toMatch(/: tokens\[0\]\.sha256 must be the token's SHA-256/);
    expect(refusal(edited((_f, _fr, de) => (de.name = "two\nlines")))).toMatch(/: projects\[1\]\.name must be a name/);
    expect(refusal({ projects: [] })).toMatch(/: projects must not be empty\.$/);
    expect(refusal([1, 2])).toMatch(/: must hold a JSON object with a projects array\.$/);
  });

  it("bad JSON, with where it stopped and none of the text", () => {
    const trailingComma = '{\n  "projects": [{ "name": "FR", "rest_api_key": "rest-FR-s3cret", }]\n}';
    expect(refusal(trailingComma)).toBe(`BATCH_MCP_CONFIG file ${FILE}: is not valid JSON (line 2, column 66).`);
    // V8 quotes the text around an unexpected token: none of it is repeated.
    expect(refusal('{"projects": [{"name": "FR", "rest_api_key": rest-FR-s3cret}]}')).toMatch(/: is not valid JSON( \(line 1, column \d+\))?\.$/);
    expect(refusal('{"projects": [{"name": "FR", "rest_api_key": "rest-FR-s3cret')).toMatch(/: is not valid JSON( \(line 1, column \d+\))?\.$/);
    expect(refusal("")).toBe(`BATCH_MCP_CONFIG file ${FILE}: is not valid JSON.`);
  });
});

describe("BATCH_MCP_CONFIG: the file on disk", () => {
  const dir = mkdtempSync(join(tmpdir(), "batch-mcp-projects-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, mode: number, content: unknown = good()): string {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(content));
    chmodSync(file, mode);
    return file;
  }

  it("reads a private file without warning", () => {
    const file = write("private.json", 0o600);
    expect(loadProjectsFile(file, ENV)).toEqual({ config: parse(good()), warnings: [] });
  });

  it("warns when every user of the machine can read it", () => {
    const file = write("open.json", 0o644);
    expect(loadProjectsFile(file, ENV).warnings).toEqual([
      `BATCH_MCP_CONFIG file ${file} can be read by every user of this machine (mode 644) and holds Batch keys: chmod 600 it, or write its keys as { "env": "VARIABLE" }.`,
    ]);
    expect(readableByOthers(file, 0o100640)).toBeUndefined();
    expect(readableByOthers(file, 0o100604)).toMatch(/mode 604/);
    expect(readableByOthers(file, 0o100666, "win32")).toBeUndefined();
  });

  it("stops on a file that does not exist or is a directory", () => {
    const missing = join(dir, "nope.json");
    expect(() => loadProjectsFile(missing, ENV)).toThrow(new ProjectsConfigError(missing, undefined, "does not exist."));
    expect(() => loadProjectsFile(missing, ENV)).toThrow(`BATCH_MCP_CONFIG file ${missing}: does not exist.`);
    const folder = join(dir, "folder");
    mkdirSync(folder);
    expect(() => loadProjectsFile(folder, ENV)).toThrow(`BATCH_MCP_CONFIG file ${folder}: is a directory, not a JSON file.`);
  });

  it.skipIf(process.getuid?.() === 0)("stops on a file it may not read", () => {
    const file = write("locked.json", 0o000);
    expect(() => loadProjectsFile(file, ENV)).toThrow(/: cannot be read: permission denied/);
  });

  it("makes the configuration: the file's projects, the default project's keys, the warning", () => {
    const file = write("config.json", 0o604);
    const config = loadConfig({ ...ENV, BATCH_MCP_CONFIG: file, BATCH_PROJECT_KEY: "ignored" });
    expect(config.projects).toEqual(parse(good()));
    expect(config).toMatchObject({ restApiKey: "rest-FR-s3cret", projectKey: "fr-project-key", apiKey: "ios-FR-s3cret" });
    expect(config.warnings).toEqual([expect.stringMatching(/can be read by every user/), "BATCH_PROJECT_KEY is ignored: BATCH_MCP_CONFIG names the projects and their apps."]);
  });

  it("throws ProjectsConfigError from loadConfig, for the entry point to stop on", () => {
    const file = write("broken.json", 0o600, { projects: [{ name: "FR" }] });
    expect(() => loadConfig({ BATCH_MCP_CONFIG: file })).toThrow(ProjectsConfigError);
    expect(() => loadConfig({ BATCH_MCP_CONFIG: file })).toThrow(`BATCH_MCP_CONFIG file ${file}: projects[0].project_key is missing.`);
  });
});

describe("without BATCH_MCP_CONFIG", () => {
  it("makes one project called default, with one app called default, from the environment", () => {
    const config = loadConfig({ BATCH_REST_API_KEY: "r", BATCH_PROJECT_KEY: "p", BATCH_API_KEY: "a" });
    expect(config.projects).toEqual({
      projects: [{ name: "default", projectKey: "p", restApiKey: "r", apps: [{ name: "default", apiKey: "a" }] }],
      defaultProject: "default",
      tokens: [],
    });
    expect(config).toMatchObject({ restApiKey: "r", projectKey: "p", apiKey: "a", warnings: [] });
  });

  it("still starts with no key at all: the keys stay undefined for a call to name", () => {
    expect(loadConfig({}).projects.projects).toEqual([{ name: "default", projectKey: undefined, restApiKey: undefined, apps: [{ name: "default", apiKey: undefined }] }]);
  });
});
