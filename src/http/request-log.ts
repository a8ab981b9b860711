// One stderr line per HTTP request: what was asked (JSON-RPC method, tool), the status and
// how long it took. Built from a fixed set of fields, never from headers: a token or key
// cannot reach it.

import type { Request, RequestHandler } from "express";
import type { Logger } from "../log.js";

interface RpcMessage {
  method?: unknown;
  params?: { name?: unknown };
}

/** Names come from the request body: keep them to one short, printable word. */
const safe = (name: string) => name.replace(/[^\w./:-]/g, "?").slice(0, 64);

function describeRpc(body: unknown): string | undefined {
  const messages = (Array.isArray(body) ? body : [body]) as (RpcMessage | null | undefined)[];
  const parts = messages
    .filter((m) => typeof m?.method === "string")
    .map((m) => (typeof m?.params?.name === "string" && m.method === "tools/call" ? `tools/call ${safe(m.params.name)}` : safe(String(m?.method))));
  return parts.length > 0 ? parts.join(", ") : undefined;
}

function line(req: Request, status: number, ms: number): string {
  const rpc = describeRpc(req.body);
  const client = req.auth?.clientId;
  // path, not url: a query string is not ours to print.
  return [`${req.method} ${req.path}`, rpc, `${status}`, `${ms} ms`, client && `client=${safe(client)}`].filter(Boolean).join(" ");
}

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      // A response cut short (client gone) has no status of its own to report.
      const status = res.writableFinished ? res.statusCode : 499;
      log("info", line(req, status, Math.round(performance.now() - start)));
    };
    res.once("finish", finish);
    res.once("close", finish);
    next();
  };
}
