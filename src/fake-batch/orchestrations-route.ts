// GET /{version}/orchestrations/list: cursor paging over the project's orchestrations,
// filters applied before paging, as documented in seeds/orchestrations-list.md.

import { checkV2Auth } from "./auth.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { malformed, type Reply } from "./errors.js";
import { enumListParam, intParam, stringParam } from "./params.js";
import type { RouteContext } from "./route-context.js";
import type { Json } from "./types.js";

const STATUSES = ["draft", "running", "completed", "stopped"] as const;
const TYPES = ["campaign", "recurring", "trigger", "warmup"] as const;
// The spec's filter says "in-app", its schema says "in_app": accept both spellings.
const CHANNELS = ["email", "push", "in-app", "in_app", "sms", "universal"] as const;
const DEFAULT_STATUSES = new Set<string>(["running", "completed"]);

interface Filters {
  statuses: Set<string>;
  types: Set<string> | undefined;
  channels: Set<string> | undefined;
}

// The documented sample calls a one-time campaign "onetime" where the enum says "campaign".
function normalizeType(type: unknown): unknown {
  return type === "onetime" ? "campaign" : type;
}

function normalizeChannel(channel: unknown): unknown {
  return channel === "in_app" ? "in-app" : channel;
}

function matches(item: Json, filters: Filters): boolean {
  if (!filters.statuses.has(String(item.status))) return false;
  if (filters.types && !filters.types.has(String(normalizeType(item.type)))) return false;
  if (filters.channels) {
    const wanted = filters.channels;
    const channels = Array.isArray(item.channels) ? item.channels : [];
    if (!channels.some((c) => wanted.has(String(normalizeChannel(c))))) return false;
  }
  return true;
}

function readFilters(query: URLSearchParams): { ok: true; filters: Filters } | { ok: false; reply: Reply } {
  const statuses = enumListParam(query, "status", STATUSES);
  if (!statuses.ok) return { ok: false, reply: malformed(`status must be one of ${STATUSES.join(", ")}`) };
  const types = enumListParam(query, "type", TYPES);
  if (!types.ok) return { ok: false, reply: malformed(`type must be one of ${TYPES.join(", ")}`) };
  const channels = enumListParam(query, "channels", CHANNELS);
  if (!channels.ok) return { ok: false, reply: malformed("channels must be one of email, push, in-app, sms, universal") };
  const normalized = channels.value && new Set([...channels.value].map((c) => String(normalizeChannel(c))));
  return { ok: true, filters: { statuses: statuses.value ?? DEFAULT_STATUSES, types: types.value, channels: normalized } };
}

export function listOrchestrations(ctx: RouteContext): Reply {
  const auth = checkV2Auth(ctx.headers, ctx.state);
  if (!auth.ok) return auth.reply;
  const limit = intParam(ctx.query, "limit", 1, 100, 10);
  if (!limit.ok) return malformed("limit must be between 1 and 100");
  const read = readFilters(ctx.query);
  if (!read.ok) return read.reply;
  const { filters } = read;
  const list = ctx.state.projects.get(auth.projectKey) ?? [];

  const from = stringParam(ctx.query, "from");
  const start = from.ok && from.value !== undefined ? decodeCursor(from.value, auth.projectKey, list.length) : 0;
  if (!from.ok || start === undefined) return malformed("from is not a valid cursor");

  // "oversized-page" fault: ignore the limit and keep going for 5 more items.
  const take = ctx.pageFault === "oversized-page" ? limit.value + 5 : limit.value;
  const page: Json[] = [];
  let position = start;
  for (; position < list.length && page.length < take; position++) {
    const item = list[position];
    if (item && matches(item, filters)) page.push(item);
  }
  let hasMore = list.slice(position).some((item) => matches(item, filters));
  let nextFrom: string | undefined = hasMore ? encodeCursor(position, auth.projectKey) : undefined;

  if (ctx.pageFault === "repeat-cursor") {
    hasMore = true;
    nextFrom = from.value ?? encodeCursor(0, auth.projectKey);
  } else if (ctx.pageFault === "has-more-no-next") {
    hasMore = true;
    nextFrom = undefined;
  }
  const body: Json = { orchestrations: page, count: page.length, has_more: hasMore };
  if (nextFrom !== undefined) body.next_from = nextFrom;
  return { status: 200, body };
}
