// GET /{version}/orchestrations/view?orchestration_id= ("View push campaign details", from
// version 2.11; the router sends earlier versions to the unknown-route 404). It serves
// one-time push campaigns only. Batch's page gives the two error messages but not
// their statuses or codes: 403 for another kind of orchestration (what a community
// integration saw) and 404 for an unknown id are this fake's choice, codes included.

import { checkV2Auth } from "./auth.js";
import { malformed, v2Error, type Reply } from "./errors.js";
import { stringParam } from "./params.js";
import type { RouteContext } from "./route-context.js";
import type { Json } from "./types.js";

const FIRST_VERSION = [2, 11] as const;

export const NOT_A_PUSH = v2Error(403, "The provided id resolves to an orchestration that is not a push campaign.", "NOT_A_PUSH_CAMPAIGN");
export const UNKNOWN_ORCHESTRATION = v2Error(404, "The provided orchestration id does not match any orchestration.", "ORCHESTRATION_NOT_FOUND");

/** "2.11", "2.12", "3.0" have the route; "2.9", "2.10" do not. */
export function hasViewRoute(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > FIRST_VERSION[0] || (major === FIRST_VERSION[0] && minor >= FIRST_VERSION[1]);
}

function isOneTimePush(item: Json): boolean {
  const type = item.type === "onetime" ? "campaign" : item.type;
  return type === "campaign" && Array.isArray(item.channels) && item.channels.includes("push");
}

// The fields Batch's page lists for the answer; the rest comes from the scripted content.
const LISTED = ["id", "name", "status", "source", "labels", "created_date", "start_time"] as const;

function view(item: Json, content: Json | undefined): Json {
  const listed: Json = { type: "campaign" };
  for (const key of LISTED) if (item[key] !== undefined) listed[key] = item[key];
  if (item.created_date !== undefined) listed.updated_date = item.created_date;
  return { ...listed, ...content };
}

export function viewOrchestration(ctx: RouteContext): Reply {
  const auth = checkV2Auth(ctx.headers, ctx.state);
  if (!auth.ok) return auth.reply;
  const id = stringParam(ctx.query, "orchestration_id");
  if (!id.ok || id.value === undefined) return malformed("orchestration_id is required");
  const item = ctx.state.projects.get(auth.projectKey)?.find((o) => o.id === id.value);
  if (!item) return UNKNOWN_ORCHESTRATION;
  if (!isOneTimePush(item)) return NOT_A_PUSH;
  return { status: 200, body: view(item, ctx.state.contents.get(id.value)) };
}
