// Every error this server answers is JSON, never Express's HTML page, and never carries a
// stack trace or an error's own message. /mcp speaks JSON-RPC, so its errors are JSON-RPC
// error objects; elsewhere they take OAuth's shape ({error, error_description}), which
// OAuth clients (probing a server for sign-in) parse and show to the person. Refused
// tokens are answered in OAuth's shape on /mcp too (RFC 6750), as the SDK's middleware does.

import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import type { Logger } from "../log.js";

export function rpcError(res: Response, status: number, code: number, message: string): void {
  res.status(status).json({ jsonrpc: "2.0", error: { code, message }, id: null });
}

export function plainError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, error_description: description });
}

/** For a known path asked with a method it does not serve. */
export function methodNotAllowed(allow: string, message: string): RequestHandler {
  return (req, res) => {
    res.set("Allow", allow);
    if (req.path === "/mcp") return rpcError(res, 405, -32000, message);
    plainError(res, 405, "method_not_allowed", message);
  };
}

export const notFound: RequestHandler = (_req, res) => {
  plainError(res, 404, "not_found", "Nothing here: this server answers MCP at POST /mcp and health checks at GET /healthz.");
};

interface BodyError {
  status: number;
  code: number;
  message: string;
}

/** Why a request body was refused, by body-parser's error type. */
function bodyErrors(limit: string): Record<string, BodyError> {
  return {
    "entity.parse.failed": { status: 400, code: -32700, message: "Parse error: the request body is not valid JSON." },
    "entity.too.large": { status: 413, code: -32600, message: `The request body is larger than ${limit}: send smaller messages.` },
    "charset.unsupported": { status: 415, code: -32600, message: "Unsupported charset: send JSON in UTF-8." },
    "encoding.unsupported": { status: 415, code: -32600, message: "Unsupported Content-Encoding: send the body uncompressed, or as gzip, deflate, br or zstd." },
  };
}

const BAD_REQUEST: BodyError = { status: 400, code: -32600, message: "Bad request: the request body could not be read." };
const INTERNAL: BodyError = { status: 500, code: -32603, message: "Internal error: the server could not answer this request; see its log." };

function fieldOf(error: unknown, name: "status" | "type"): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** Takes the place of Express's final handler, which would answer HTML with a stack trace. */
export function errorHandler(log: Logger, bodyLimit: string): ErrorRequestHandler {
  const known = bodyErrors(bodyLimit);
  return (error: unknown, req, res, _next) => {
    const status = fieldOf(error, "status");
    const type = fieldOf(error, "type");
    const clientFault = typeof status === "number" && status >= 400 && status < 500;
    const answer = (typeof type === "string" ? known[type] : undefined) ?? (clientFault ? { ...BAD_REQUEST, status } : INTERNAL);
    // Only the message, never the stack: the logger redacts secrets, not file paths.
    if (answer.status >= 500) log("error", `${req.method} ${req.path} failed: ${error instanceof Error ? error.message : String(error)}`);
    if (res.headersSent) return void res.end();
    if (req.path === "/mcp") return rpcError(res, answer.status, answer.code, answer.message);
    plainError(res, answer.status, answer.status >= 500 ? "server_error" : "invalid_request", answer.message);
  };
}
