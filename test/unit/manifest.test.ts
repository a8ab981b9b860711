// The MCPB manifest (Claude Desktop's one-file install) agrees with the schema, with the
// server it describes and with the configuration the server reads.

import { validateManifest } from "@anthropic-ai/mcpb";
import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { buildServer, SERVER_NAME, SERVER_VERSION } from "../../src/mcp/server.js";
import { createServices } from "../../src/workspace/create-services.js";

const manifestPath = fileURLToPath(new URL("../../manifest.json", import.meta.url));

interface Manifest {
  name: string;
  version: string;
  server: { entry_point: string; mcp_config: { args: string[]; env: Record<string, string> } };
  tools: { name: string; description?: string }[];
  prompts: { name: string; description?: string; text: string }[];
  user_config: Record<string, { sensitive?: boolean; default?: unknown }>;
  compatibility: { runtimes: { node: string } };
}

const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  engines: { node: string };
};

/** user_config key each environment variable is mapped from, e.g. BATCH_API_KEY -> api_key. */
const mapped = Object.entries(manifest.server.mcp_config.env).map(([variable, value]) => ({
  variable,
  key: /^\$\{user_config\.(\w+)\}$/.exec(value)?.[1],
}));

describe("manifest.json", () => {
  it("passes the MCPB schema validation (what `npm run pack` runs)", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(validateManifest(manifestPath), error.mock.calls.flat().join("\n")).toBe(true);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });

  it("names the same package, version, entry point and Node versions as package.json and the server", () => {
    expect(manifest.name).toBe(pkg.name);
    expect(manifest.name).toBe(SERVER_NAME);
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.version).toBe(SERVER_VERSION);
    expect(Object.values(pkg.bin)).toContain(manifest.server.entry_point);
    expect(manifest.server.mcp_config.args).toEqual([`\${__dirname}/${manifest.server.entry_point}`]);
    expect(manifest.compatibility.runtimes.node).toBe(`${pkg.engines.node}.0`);
  });

  it("lists exactly the tools and prompts the server offers", async () => {
    // Asked of the server itself (in memory), so a new tool or prompt cannot be forgotten here.
    const server = buildServer(createServices(loadConfig({}), silentLogger));
    const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: "manifest-test", version: "1.0.0" });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    try {
      const served = (await client.listTools()).tools.map((t) => t.name).sort();
      const prompts = (await client.listPrompts()).prompts.map((p) => p.name).sort();
      expect(manifest.tools.map((t) => t.name).sort()).toEqual(served);
      expect(manifest.prompts.map((p) => p.name).sort()).toEqual(prompts);
      for (const item of [...manifest.tools, ...manifest.prompts]) expect(item.description, item.name).toBeTruthy();
    } finally {
      await client.close();
    }
  });

  it("maps every environment variable from a declared user_config entry", () => {
    for (const { variable, key } of mapped) {
      expect(key, `${variable} is not mapped from user_config`).toBeDefined();
      expect(manifest.user_config, variable).toHaveProperty(key ?? "");
    }
  });

  it("maps only variables the server reads", () => {
    // Each variable, set alone to a valid value, must change the configuration.
    const sample: Record<string, string> = { BATCH_API_BASE_URL: "https://proxy.example.com", BATCH_DEMO: "true" };
    for (const { variable } of mapped) {
      const changed = loadConfig({ [variable]: sample[variable] ?? "some-value" });
      expect(changed, variable).not.toEqual(loadConfig({}));
    }
  });

  it("marks both keys as sensitive so Claude Desktop keeps them in the OS keychain", () => {
    for (const secret of ["BATCH_REST_API_KEY", "BATCH_API_KEY"]) {
      const key = mapped.find((m) => m.variable === secret)?.key ?? "";
      expect(manifest.user_config[key]?.sensitive, secret).toBe(true);
    }
  });
});
