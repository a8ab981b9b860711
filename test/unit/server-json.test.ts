// server.json, what the official MCP Registry lists, agrees with package.json (npm checks
// that the published package's mcpName is the server's name), with the server's own identity
// and with the configuration the README documents and the server reads.
// The registry's schema (2025-12-11) is not shipped by any package this project installs, so
// the constraints of it that this file relies on are checked here by hand.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { SERVER_INFO } from "../../src/mcp/server.js";

const SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

interface Input {
  description?: string;
  isRequired?: boolean;
  isSecret?: boolean;
  format?: string;
  default?: string;
  value?: string;
  variables?: Record<string, Input>;
}
interface KeyValueInput extends Input {
  name: string;
}
interface ServerJson {
  $schema: string;
  name: string;
  title?: string;
  description: string;
  version: string;
  websiteUrl?: string;
  packages: Array<{
    registryType: string;
    registryBaseUrl?: string;
    identifier: string;
    version: string;
    runtimeHint?: string;
    transport: { type: string };
    environmentVariables: KeyValueInput[];
  }>;
  remotes: Array<{ type: string; url: string; variables?: Record<string, Input>; headers?: KeyValueInput[] }>;
}

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const server = JSON.parse(read("server.json")) as ServerJson;
const pkg = JSON.parse(read("package.json")) as { name: string; version: string; mcpName?: string };
const npm = server.packages.find((p) => p.registryType === "npm");
const variables = npm?.environmentVariables ?? [];

/** Every `BATCH_…` name in the first column of the README's Configuration table. */
function readmeVariables(): Set<string> {
  const readme = read("README.md");
  const section = readme.slice(readme.indexOf("\n## Configuration\n"), readme.indexOf("\n## ", readme.indexOf("\n## Configuration\n") + 1));
  const firstCells = section.split("\n").filter((line) => line.startsWith("| `")).map((line) => line.split("|")[1] ?? "");
  return new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`(BATCH_[A-Z0-9_]+)`/g)].map((m) => m[1] ?? "")));
}

/** The `{names}` a template uses. */
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");

/** A version as the schema wants it: one exact release, no range, no "latest". */
const exactVersion = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

describe("server.json", () => {
  it("declares the 2025-12-11 schema and the fields it requires, within its limits", () => {
    expect(server.$schema).toBe(SCHEMA);
    expect(server.name).toMatch(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
    expect(server.name.length).toBeGreaterThanOrEqual(3);
    expect(server.name.length).toBeLessThanOrEqual(200);
    expect(server.description.length).toBeGreaterThan(0);
    expect(server.description.length).toBeLessThanOrEqual(100);
    expect(server.title?.length ?? 1).toBeLessThanOrEqual(100);
    expect(server.version).toMatch(exactVersion);
    expect(() => new URL(server.websiteUrl ?? "https://example.com")).not.toThrow();
  });

  it("has the name package.json gives as mcpName, and package.json's version", () => {
    expect(pkg.mcpName).toBe(server.name);
    expect(server.version).toBe(pkg.version);
  });

  it("says who the server is as the server itself does", () => {
    expect(server.title).toBe(SERVER_INFO.title);
    expect(server.description).toBe(SERVER_INFO.description);
    expect(server.websiteUrl).toBe(SERVER_INFO.websiteUrl);
    expect(server.version).toBe(SERVER_INFO.version);
  });

  it("offers this npm package, at this version, over stdio", () => {
    expect(npm).toBeDefined();
    expect(npm?.identifier).toBe(pkg.name);
    expect(npm?.version).toBe(pkg.version);
    expect(npm?.transport).toEqual({ type: "stdio" });
    expect(npm?.registryBaseUrl).toBe("https://registry.npmjs.org");
  });

  it("lists only environment variables the README's configuration table documents", () => {
    const documented = readmeVariables();
    expect(documented.size).toBeGreaterThan(10);
    expect(variables.length).toBeGreaterThan(0);
    for (const variable of variables) expect(documented, variable.name).toContain(variable.name);
  });

  it("lists only variables the server reads, each described, secrets marked", () => {
    const sample: Record<string, string> = { BATCH_API_BASE_URL: "https://proxy.example.com", BATCH_DEMO: "true", BATCH_RATE_LIMIT: "0.5", BATCH_MCP_MAX_RESULT_CHARS: "20000", BATCH_MCP_TIME_BUDGET_MS: "30000" };
    for (const variable of variables) {
      expect(variable.description, variable.name).toBeTruthy();
      expect(typeof variable.isSecret, variable.name).toBe("boolean");
      const changed = loadConfig({ [variable.name]: sample[variable.name] ?? "some-value" });
      expect(changed, `${variable.name} changes nothing the server reads`).not.toEqual(loadConfig({}));
      // A default, where given, is what the server takes when the variable is unset.
      if (variable.default !== undefined) expect(loadConfig({ [variable.name]: variable.default }), variable.name).toEqual(loadConfig({}));
    }
    const secrets = variables.filter((v) => v.isSecret).map((v) => v.name).sort();
    expect(secrets).toEqual(["BATCH_API_KEY", "BATCH_REST_API_KEY"]);
    expect(variables.find((v) => v.name === "BATCH_REST_API_KEY")?.isRequired).toBe(true);
  });

  it("gives a Streamable HTTP remote whose URL and header templates are all declared", () => {
    expect(server.remotes.length).toBeGreaterThan(0);
    for (const remote of server.remotes) {
      expect(remote.type).toBe("streamable-http");
      expect(remote.url).toMatch(/^https?:\/\/[^\s]+\/mcp$/);
      for (const name of placeholders(remote.url)) expect(remote.variables, remote.url).toHaveProperty(name);
      for (const header of remote.headers ?? []) {
        for (const name of placeholders(header.value ?? "")) expect(header.variables, header.name).toHaveProperty(name);
      }
    }
  });
});
