// GET /{version}/orchestrations/stats?orchestration_id=&from=&to= (seeds/orchestrations-stats-notes.md).
// Daily details are cut to [from, to]; per-platform entries only with include_platforms=true.
// Batch has no 404 here: an unknown id is a 400.

import { checkV2Auth } from "./auth.js";
import { malformed, v2Error, type Reply } from "./errors.js";
import { stringParam } from "./params.js";
import type { RouteContext } from "./route-context.js";
import type { Json } from "./types.js";

/** Strict yyyy-MM-dd that is a real calendar day. */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Same day six calendar months earlier, clamped to the month's end (Aug 31 -> Feb 28). */
export function sixMonthsBefore(today: string): string {
  const [y = 1970, m = 1, d = 1] = today.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 - 6, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** An id is known to the project that lists it or holds its stats; to no other. */
function knownIds(ctx: RouteContext, projectKey: string): (id: string) => boolean {
  const orchestrations = ctx.state.projects.get(projectKey) ?? [];
  return (id) => ctx.state.statsOf(projectKey).has(id) || orchestrations.some((o) => o.id === id);
}

function keepEntry(entry: unknown, from: string, to: string, platforms: boolean): boolean {
  if (typeof entry !== "object" || entry === null) return true;
  const { date, platform } = entry as Json;
  if (platform !== undefined && !platforms) return false;
  if (typeof date !== "string") return true;
  const day = date.slice(0, 10);
  return day >= from && day <= to;
}

export function orchestrationStats(ctx: RouteContext): Reply {
  const auth = checkV2Auth(ctx.headers, ctx.state);
  if (!auth.ok) return auth.reply;
  const id = stringParam(ctx.query, "orchestration_id");
  if (!id.ok || id.value === undefined) return malformed("orchestration_id is required");
  const from = stringParam(ctx.query, "from");
  if (!from.ok || from.value === undefined || !isDay(from.value)) return malformed("from must be a date formatted as yyyy-MM-dd");
  const to = stringParam(ctx.query, "to");
  if (!to.ok || to.value === undefined || !isDay(to.value)) return malformed("to must be a date formatted as yyyy-MM-dd");
  if (from.value < sixMonthsBefore(ctx.state.today())) return malformed("from cannot be earlier than 6 months ago");
  if (from.value > to.value) return malformed("from must be before to");
  if (!knownIds(ctx, auth.projectKey)(id.value)) {
    return v2Error(400, "Unknown orchestration_id", "INVALID_ORCHESTRATION_ID");
  }

  // An orchestration in the data set without a stats body simply has no figures yet.
  const stored = ctx.state.statsOf(auth.projectKey).get(id.value) ?? { id: id.value, details: [] };
  const platforms = ctx.query.get("include_platforms") === "true";
  const details = stored.details;
  if (!Array.isArray(details)) return { status: 200, body: stored };
  const [fromDay, toDay] = [from.value, to.value];
  return { status: 200, body: { ...stored, details: details.filter((e) => keepEntry(e, fromDay, toDay, platforms)) } };
}
