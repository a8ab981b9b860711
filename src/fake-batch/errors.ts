// Batch error bodies. The two API generations disagree on the shape:
// v2 (orchestrations, stats) answers {error_message, error_code: string},
// v1.1 (in-app) answers {code: number, message}. Both are built here so every route and
// every scripted "status" fault speaks the dialect of the route it answers for.

import { STATUS_CODES } from "node:http";
import type { Json } from "./types.js";

export type ErrorStyle = "v2" | "v1";

/** What a route handler (or a fault) answers; a string body is sent as text/html. */
export interface Reply {
  status: number;
  body: Json | unknown[] | string;
  headers?: Record<string, string>;
}

const V2_DEFAULTS: Record<number, [code: string, message: string]> = {
  400: ["MALFORMED_PARAMETER", "The request is malformed"],
  401: ["AUTHENTICATION_INVALID", "The Rest API Key is not valid for this project"],
  403: ["FORBIDDEN", "Forbidden"],
  404: ["NOT_FOUND", "Route not found"],
  429: ["TOO_MANY_REQUESTS", "Too Many Requests"],
  500: ["SERVER_ERROR", "Unexpected error"],
  503: ["MAINTENANCE", "Batch's services are under maintenance. Please try again later"],
};

// Codes from Batch's v1.1 docs (see DESIGN.md): 31 malformed, 10 auth, 12 API misuse,
// 20 route not found, 60 rate limited, 0 server error, 2 maintenance.
const V1_DEFAULTS: Record<number, [code: number, message: string]> = {
  400: [31, "Malformed parameter"],
  401: [10, "Authentication invalid"],
  403: [12, "API misuse"],
  404: [20, "Route not found"],
  429: [60, "Too many requests, wait at least 5 seconds"],
  500: [0, "Server error"],
  503: [2, "Maintenance"],
};

function statusText(status: number): string {
  return STATUS_CODES[status] ?? "Error";
}

/** e.g. 502 -> "BAD_GATEWAY", for statuses Batch does not document. */
function statusCodeName(status: number): string {
  return statusText(status).toUpperCase().replace(/[^A-Z0-9]+/g, "_");
}

export function v2Error(status: number, message?: string, code?: string): Reply {
  const [defaultCode, defaultMessage] = V2_DEFAULTS[status] ?? [statusCodeName(status), statusText(status)];
  return { status, body: { error_message: message ?? defaultMessage, error_code: code ?? defaultCode } };
}

export function v1Error(status: number, message?: string, code?: number): Reply {
  const [defaultCode, defaultMessage] = V1_DEFAULTS[status] ?? [0, statusText(status)];
  return { status, body: { code: code ?? defaultCode, message: message ?? defaultMessage } };
}

export function errorReply(style: ErrorStyle, status: number): Reply {
  return style === "v2" ? v2Error(status) : v1Error(status);
}

/** A v2 400 MALFORMED_PARAMETER, the answer to most bad query parameters. */
export function malformed(message: string): Reply {
  return v2Error(400, message, "MALFORMED_PARAMETER");
}
