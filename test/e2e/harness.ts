// End-to-end harness: the built server (dist/index.js) spawned through the SDK Client
// over stdio, pointed at a fake Batch server. Tests see exactly what an assistant sees.

import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client, type ClientOptions } from "@modelcontextprotocol/client";
import type { CallToolResult as WireCallToolResult } from "@modelcontextprotocol/client";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeBatch, type FakeBatch, type FakeBatchOptions } from "../../src/fake-batch/index.js";

// The nearest folder with package.json: this file also runs compiled into .bench-build/.
function repoRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error("package.json not found above the e2e harness");
  }
}

export const SERVER_ENTRY = join(repoRoot(), "dist", "index.js");
export const REST_KEY = "test-rest-key-S3CRET";
export const PROJECT_KEY = "project-key-1";
export const API_KEY = "test-api-key-S3CRET";
export const SECRETS = [REST_KEY, API_KEY];

/** A tool result as this server sends it: structuredContent is always an object (the SDK
 *  types it `unknown`, since other servers may send any JSON value). */
export type CallToolResult = WireCallToolResult & { structuredContent?: Record<string, unknown> };

export interface Session {
  client: Client;
  fake: FakeBatch;
  /** The server process id (benchmarks read its memory from /proc). */
  pid: number | null;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  call(name: string, args?: Record<string, unknown>, options?: { onprogress?: (p: { progress: number; total?: number; message?: string }) => void; signal?: AbortSignal; timeout?: number }): Promise<CallToolResult>;
  close(): Promise<void>;
}

export interface SessionOptions {
  fake?: FakeBatchOptions;
  /** Extra or overriding environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Command-line arguments after dist/index.js, e.g. ["--demo"]. */
  args?: string[];
  /** The client's options: its protocol era (`versionNegotiation`), capabilities. Default: the
   *  v2 client's own default, the 2025-11-25 handshake. */
  client?: ClientOptions;
  /** Runs on the client before it connects: request handlers (elicitation) go here. */
  beforeConnect?: (client: Client) => void;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  if (!existsSync(SERVER_ENTRY)) throw new Error("dist/index.js is missing: run `npm run build` (npm test does it).");
  const fake = await startFakeBatch(options.fake);
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    BATCH_API_BASE_URL: fake.url,
    BATCH_REST_API_KEY: REST_KEY,
    BATCH_PROJECT_KEY: PROJECT_KEY,
    BATCH_API_KEY: API_KEY,
    BATCH_RATE_LIMIT: "0",
    BATCH_RETRY_BASE_DELAY_MS: "20",
    // Batch's v1.1 docs ask for 5 s after a 429; tests keep the rule at a smaller scale.
    BATCH_INAPP_RATE_LIMIT_WAIT_MS: "200",
    ...options.env,
  };
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [SERVER_ENTRY, ...(options.args ?? [])],
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const client = new Client({ name: "e2e-test", version: "1.0.0" }, options.client);
  options.beforeConnect?.(client);
  await client.connect(transport);
  return {
    client,
    fake,
    pid: transport.pid,
    stderr: () => stderr,
    async call(name, args = {}, callOptions = {}) {
      const result = await client.callTool({ name, arguments: args }, callOptions);
      return result as CallToolResult;
    },
    async close() {
      await client.close();
      await fake.close();
    },
  };
}

/** The result's structuredContent as the tool's output type; throws when it has none (an error result). */
export function structuredOf<T>(result: { structuredContent?: unknown; isError?: boolean }): T {
  if (result.isError || !result.structuredContent) throw new Error(`no structuredContent: ${JSON.stringify(result).slice(0, 500)}`);
  return result.structuredContent as unknown as T;
}

export function textOf(result: CallToolResult): string {
  return result.content
    .filter((c): c is { type: "text"; text: string } => c.type === "text")
    .map((c) => c.text)
    .join("\n");
}

/** Fails when any secret appears anywhere in what the client or the logs could see. */
export function expectNoSecrets(...texts: string[]): void {
  for (const text of texts) {
    for (const secret of SECRETS) {
      if (text.includes(secret)) throw new Error(`a secret leaked into output: ...${text.slice(Math.max(0, text.indexOf(secret) - 80), text.indexOf(secret) + 40)}...`);
    }
  }
}

/** Resource-not-found as the v2 client reports it: a ResourceNotFoundError (-32602 whose only
 *  data is the URI) when the server said so in either era's words, or the raw -32002 of a
 *  handshake-era answer that carried no URI. Anything else (an invalid or ambiguous handle) is not. */
export function isResourceNotFound(error: { code?: unknown; data?: unknown }): boolean {
  if (error.code === -32002) return true;
  const data = error.data as Record<string, unknown> | undefined;
  return error.code === -32602 && data !== undefined && Object.keys(data).join() === "uri";
}
