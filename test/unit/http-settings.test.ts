import { describe, expect, it } from "vitest";
import { loadHttpSettings, SettingsError } from "../../src/http/settings.js";
import { wantsHttp } from "../../src/http/mode.js";

describe("remote-mode settings", () => {
  it("is chosen by --http or BATCH_MCP_TRANSPORT=http, stdio otherwise", () => {
    expect(wantsHttp({}, ["--http"])).toBe(true);
    expect(wantsHttp({ BATCH_MCP_TRANSPORT: "HTTP" }, [])).toBe(true);
    expect(wantsHttp({ BATCH_MCP_TRANSPORT: "stdio" }, [])).toBe(false);
  });

  it("defaults to 127.0.0.1:3000 without authentication", () => {
    expect(loadHttpSettings({}, [])).toMatchObject({ host: "127.0.0.1", port: 3000, auth: "none" });
  });

  it("takes flags over the environment", () => {
    const settings = loadHttpSettings({ BATCH_MCP_PORT: "4000", BATCH_MCP_HOST: "localhost" }, ["--port=5000", "--host", "127.0.0.2"]);
    expect(settings).toMatchObject({ host: "127.0.0.2", port: 5000 });
  });

  it("refuses no authentication off loopback, and incomplete oauth or tokens", () => {
    expect(() => loadHttpSettings({ BATCH_MCP_AUTH: "none" }, ["--host", "0.0.0.0"])).toThrow(/only allowed on a loopback host/);
    expect(() => loadHttpSettings({ BATCH_MCP_AUTH: "oauth", BATCH_MCP_OAUTH_ISSUER: "https://idp.example" }, [])).toThrow(/BATCH_MCP_PUBLIC_URL/);
    expect(() => loadHttpSettings({ BATCH_MCP_AUTH: "tokens" }, [])).toThrow(/BATCH_MCP_TOKENS/);
    expect(() => loadHttpSettings({ BATCH_MCP_TOKENS: "sha256:abc" }, [])).toThrow(SettingsError);
    expect(() => loadHttpSettings({ BATCH_MCP_AUTH: "basic" }, [])).toThrow(/oauth, tokens or none/);
    expect(() => loadHttpSettings({}, ["--port", "http"])).toThrow(/not a port/);
  });

  it("infers the authentication from what is configured", () => {
    expect(loadHttpSettings({ BATCH_MCP_TOKENS: "a,b" }, ["--host", "0.0.0.0"]).auth).toBe("tokens");
  });

  it("allows loopback names, the bound address, the public URL's host and the extra hosts", () => {
    const settings = loadHttpSettings(
      { BATCH_MCP_TOKENS: "t", BATCH_MCP_PUBLIC_URL: "https://mcp.example.com/mcp", BATCH_MCP_ALLOWED_HOSTS: "Batch.internal, 10.0.0.5" },
      ["--host", "10.0.0.4"],
    );
    expect(settings.allowedHosts).toEqual(["localhost", "127.0.0.1", "[::1]", "10.0.0.4", "mcp.example.com", "batch.internal", "10.0.0.5"]);
  });
});
