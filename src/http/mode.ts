// Whether to serve Streamable HTTP instead of stdio. Kept apart from the rest of src/http/
// so the start-up bundle can ask the question without loading the HTTP stack.

type Env = Record<string, string | undefined>;

export function wantsHttp(env: Env, argv: readonly string[]): boolean {
  return argv.includes("--http") || env.BATCH_MCP_TRANSPORT?.trim().toLowerCase() === "http";
}
