// Header authentication for both API generations, answering with each one's error dialect.

import type { IncomingHttpHeaders } from "node:http";
import { v1Error, v2Error, type Reply } from "./errors.js";
import type { FakeState } from "./state.js";
import type { Json } from "./types.js";

export type V2Auth = { ok: true; projectKey: string } | { ok: false; reply: Reply };
export type V1Auth = { ok: true; campaigns: Json[] } | { ok: false; reply: Reply };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * v2: `Authorization: Bearer <REST key>` then `X-Batch-Project: <known project key>`.
 * The REST key is checked first: a wrong key is 401 whatever the project header says.
 */
export function checkV2Auth(headers: IncomingHttpHeaders, state: FakeState): V2Auth {
  const match = /^bearer\s+(.+)$/i.exec(header(headers, "authorization")?.trim() ?? "");
  if (match?.[1] !== state.restKey) return { ok: false, reply: v2Error(401) };
  const projectKey = header(headers, "x-batch-project")?.trim();
  if (!projectKey) return { ok: false, reply: v2Error(400, "Missing X-Batch-Project header", "MISSING_PROJECT_KEY") };
  if (!state.projects.has(projectKey)) return { ok: false, reply: v2Error(401) };
  return { ok: true, projectKey };
}

/**
 * v1.1: `X-Authorization: <REST key>` and the app API key in the path. The REST key is
 * checked first (401 code 10); a wrong API key then reads as an unknown route (404 code 20).
 * Passing, it gives the campaigns of the app the key opens.
 */
export function checkV1Auth(headers: IncomingHttpHeaders, pathApiKey: string, state: FakeState): V1Auth {
  if (header(headers, "x-authorization")?.trim() !== state.restKey) return { ok: false, reply: v1Error(401) };
  const campaigns = state.apps.get(pathApiKey);
  return campaigns ? { ok: true, campaigns } : { ok: false, reply: v1Error(404, "Route not found") };
}
