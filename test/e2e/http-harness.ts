// Remote-mode harness: the built server (dist/index.js --http) spawned on 127.0.0.1 against
// a fake Batch server, and clients speaking the SDK's StreamableHTTPClientTransport.

import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import type { ClientOptions, StreamableHTTPClientTransportOptions } from "@modelcontextprotocol/client";
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { startFakeBatch, type FakeBatch, type FakeBatchOptions } from "../../src/fake-batch/index.js";
import { API_KEY, PROJECT_KEY, REST_KEY, SERVER_ENTRY } from "./harness.js";

export interface HttpServer {
  /** http://127.0.0.1:PORT */
  base: string;
  /** The /mcp endpoint. */
  url: URL;
  fake: FakeBatch;
  process: ChildProcess;
  stderr(): string;
  /** The exit code, once the process has ended. */
  exited: Promise<number | null>;
  /** A connected SDK client; close it after use. */
  connect(options?: StreamableHTTPClientTransportOptions, clientOptions?: ClientOptions, beforeConnect?: (client: Client) => void): Promise<Client>;
  /** Ends the server (SIGTERM) and the fake Batch. */
  close(): Promise<void>;
}

export interface HttpServerOptions {
  fake?: FakeBatchOptions;
  env?: Record<string, string | undefined>;
  args?: string[];
  /** Default 0: any free port, read from the server's start-up line. */
  port?: number;
}

export function batchEnv(fakeUrl: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    BATCH_API_BASE_URL: fakeUrl,
    BATCH_REST_API_KEY: REST_KEY,
    BATCH_PROJECT_KEY: PROJECT_KEY,
    BATCH_API_KEY: API_KEY,
    BATCH_RATE_LIMIT: "0",
    BATCH_RETRY_BASE_DELAY_MS: "20",
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** A port free right now (for settings that must name it before the server starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export function spawnServer(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [SERVER_ENTRY, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

export async function startHttpServer(options: HttpServerOptions = {}): Promise<HttpServer> {
  const fake = await startFakeBatch(options.fake);
  const args = ["--http", "--port", String(options.port ?? 0), ...(options.args ?? [])];
  const { child, stderr, exited } = spawnServer(args, batchEnv(fake.url, options.env));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const match = /serving MCP over Streamable HTTP at http:\/\/[^\s]+:(\d+)\/mcp/.exec(stderr());
      if (match?.[1]) resolve(Number(match[1]));
    };
    child.stderr.on("data", onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before serving: ${stderr()}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const url = new URL("/mcp", base);
  return {
    base,
    url,
    fake,
    process: child,
    stderr,
    exited,
    async connect(transportOptions, clientOptions, beforeConnect) {
      const client = new Client({ name: "e2e-http", version: "1.0.0" }, clientOptions);
      beforeConnect?.(client);
      await client.connect(new StreamableHTTPClientTransport(url, transportOptions));
      return client;
    },
    async close() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      await fake.close();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with any headers (fetch will not send a foreign Host). */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

export const INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
});

export const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

/** Waits until `read()` matches: the server logs a request once its response has gone, a moment after the client has it. */
export async function eventually(read: () => string, pattern: RegExp, timeoutMs = 5_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = read();
    if (pattern.test(text) || Date.now() > end) return text;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What a stack trace leaves in text: indented "at" frames, "fn (file:line:col)", file paths of the code, Node internals. */
export const STACK_TRACE = /\n\s+at |\bat [^\s(]+ \([^)]*:\d+:\d+\)|node:internal|\.(c?js|mjs|ts):\d+\b|\/(src|dist|build|node_modules)\/[\w./-]+\.(c?js|mjs|ts)\b/;
