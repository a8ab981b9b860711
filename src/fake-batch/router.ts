// Path -> route. Also decides the error dialect (v2 or v1.1) of anything answered for it,
// so scripted "status" faults look like what that endpoint would really send.

import { v2Error, type ErrorStyle, type Reply } from "./errors.js";
import { getInappCampaign, listInappCampaigns } from "./inapp-route.js";
import { listOrchestrations } from "./orchestrations-route.js";
import type { RouteContext } from "./route-context.js";
import { orchestrationStats } from "./stats-route.js";
import { hasViewRoute, viewOrchestration } from "./view-route.js";
import type { RouteName } from "./types.js";

export interface RouteMatch {
  route: RouteName | "unknown";
  style: ErrorStyle;
  params: Record<string, string>;
  handle: (ctx: RouteContext) => Reply;
}

// Versions drift across Batch's pages (2.9, 2.10, 2.11): accept any 2.x or later.
const V2 = String.raw`(?:[2-9]|[1-9]\d+)\.\d+`;
const ORCHESTRATIONS = new RegExp(`^/${V2}/orchestrations/list$`);
const STATS = new RegExp(`^/${V2}/orchestrations/stats$`);
const VIEW = new RegExp(`^/(${V2})/orchestrations/view$`);
const INAPP_LIST = /^\/1\.1\/([^/]+)\/in-app-campaigns\/list$/;
const INAPP_GET = /^\/1\.1\/([^/]+)\/in-app-campaigns\/([^/]+)$/;

function decode(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? "");
  } catch {
    return segment ?? "";
  }
}

const notFound: RouteMatch = {
  route: "unknown",
  style: "v2",
  params: {},
  handle: () => v2Error(404, "Route not found", "NOT_FOUND"),
};

export function matchRoute(method: string, path: string): RouteMatch {
  if (method !== "GET") return notFound;
  if (ORCHESTRATIONS.test(path)) return { route: "orchestrations", style: "v2", params: {}, handle: listOrchestrations };
  if (STATS.test(path)) return { route: "stats", style: "v2", params: {}, handle: orchestrationStats };
  // The view route exists from 2.11: before that it is an unknown route like any other.
  const view = VIEW.exec(path);
  if (view && hasViewRoute(view[1] ?? "")) return { route: "orchestration-view", style: "v2", params: {}, handle: viewOrchestration };
  const list = INAPP_LIST.exec(path);
  if (list) return { route: "inapp-list", style: "v1", params: { apiKey: decode(list[1]) }, handle: listInappCampaigns };
  const get = INAPP_GET.exec(path);
  if (get) {
    return { route: "inapp-get", style: "v1", params: { apiKey: decode(get[1]), token: decode(get[2]) }, handle: getInappCampaign };
  }
  return notFound;
}
