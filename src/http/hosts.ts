// DNS rebinding protection: a web page on another site must not reach this server through
// a name that resolves to it. The Host header is checked by the SDK's middleware; the SDK
// has none for Origin (its transport options for it are deprecated), so that one is here.

import type { RequestHandler } from "express";
import { hostHeaderValidation } from "@modelcontextprotocol/express";

function originHost(origin: string): string | undefined {
  return URL.canParse(origin) ? new URL(origin).hostname.toLowerCase() : undefined;
}

/** Browsers send Origin on cross-site requests; clients outside a browser usually send none. */
export function originValidation(allowedHostnames: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    const host = originHost(origin);
    if (host !== undefined && allowedHostnames.includes(host)) return next();
    res.status(403).json({ jsonrpc: "2.0", error: { code: -32000, message: "Origin not allowed" }, id: null });
  };
}

export function hostChecks(allowedHostnames: readonly string[]): RequestHandler[] {
  return [hostHeaderValidation([...allowedHostnames]), originValidation(allowedHostnames)];
}
