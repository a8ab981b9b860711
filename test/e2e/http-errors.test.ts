// Remote mode's HTTP face when a request goes wrong: every answer is JSON (never Express's
// HTML page), carries no stack trace, and says what to do; bodies are bounded.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MCP_HEADERS, rawRequest, STACK_TRACE, startHttpServer, type HttpServer, type RawResponse } from "./http-harness.js";

const OAUTH_PATHS = [
  "/.well-known/oauth-protected-resource",
  "/.well-known/oauth-protected-resource/mcp",
  "/.well-known/oauth-authorization-server",
  "/.well-known/openid-configuration",
  "/mcp/.well-known/openid-configuration",
  "/register",
  "/authorize",
  "/token",
];

function expectJson(response: RawResponse): Record<string, unknown> {
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  expect(response.headers["x-powered-by"]).toBeUndefined();
  expect(response.body).not.toMatch(/<!DOCTYPE|<html/i);
  expect(response.body).not.toMatch(STACK_TRACE);
  return JSON.parse(response.body) as Record<string, unknown>;
}

describe("remote mode's answers to requests that go wrong", () => {
  let s: HttpServer;
  beforeAll(async () => {
    s = await startHttpServer();
  });
  afterAll(() => s.close());

  const post = (body: string, headers: Record<string, string> = {}) => rawRequest(s.url.href, { method: "POST", headers: { ...MCP_HEADERS, ...headers }, body });

  it.each([
    ["GET", "/"],
    ["GET", "/nope"],
    ["POST", "/api/v1/anything"],
    ["GET", "/mcp/extra"],
  ])("answers %s %s with a JSON 404 that names /mcp", async (method, path) => {
    const response = await rawRequest(`${s.base}${path}`, { method });
    expect(response.status).toBe(404);
    expect(expectJson(response)).toEqual({ error: "not_found", error_description: expect.stringMatching(/POST \/mcp/) });
  });

  it.each(["GET", "DELETE", "PUT", "PATCH"])("answers %s /mcp with a JSON-RPC 405 allowing POST", async (method) => {
    const response = await rawRequest(s.url.href, { method, headers: MCP_HEADERS });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("POST");
    expect(expectJson(response)).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000, message: expect.stringMatching(/POST to \/mcp/) } });
  });

  it("answers a wrong method on /healthz with a JSON 405", async () => {
    const response = await rawRequest(`${s.base}/healthz`, { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD");
    expectJson(response);
  });

  it("sends no X-Powered-By, on success either", async () => {
    expect((await rawRequest(`${s.base}/healthz`)).headers["x-powered-by"]).toBeUndefined();
    const listed = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }));
    expect(listed.status).toBe(200);
    expect(listed.headers["x-powered-by"]).toBeUndefined();
  });

  it("answers malformed JSON with 400 and JSON-RPC's parse error, -32700", async () => {
    for (const body of ["{bad", '{"jsonrpc":"2.0","id":1,', "\u0000", '"just a string"']) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect(expectJson(response)).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } });
    }
  });

  it("answers a body over 1 MB with a JSON 413, whatever its content type says", async () => {
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { pad: "x".repeat(1_100_000) } });
    for (const contentType of ["application/json", "text/plain", "application/json-rpc"]) {
      const response = await post(big, { "content-type": contentType });
      expect(response.status, contentType).toBe(413);
      expect(expectJson(response)).toMatchObject({ jsonrpc: "2.0", error: { code: -32600, message: expect.stringMatching(/larger than 1 MB/) } });
    }
  });

  it("still answers a body just under 1 MB", async () => {
    const response = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { pad: "x".repeat(1_000_000) } }));
    expect(response.status).toBe(200);
  });

  it.each(OAUTH_PATHS)("answers OAuth discovery at %s with a JSON 404: OAuth is off here", async (path) => {
    const response = await rawRequest(`${s.base}${path}`, { method: path === "/register" || path === "/token" ? "POST" : "GET" });
    expect(response.status).toBe(404);
    expect(expectJson(response).error_description).toMatch(/^OAuth is off on this server/);
  });

  it("logs those requests without a stack trace", () => {
    expect(s.stderr()).not.toMatch(STACK_TRACE);
    expect(s.stderr()).toMatch(/POST \/mcp 413/);
  });
});
