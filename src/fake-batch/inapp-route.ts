// v1.1 in-app campaigns: GET /1.1/{apiKey}/in-app-campaigns/list (offset paging, bare
// JSON array, newest first) and GET /1.1/{apiKey}/in-app-campaigns/{token}.

import { checkV1Auth } from "./auth.js";
import { v1Error, type Reply } from "./errors.js";
import { boolParam, intParam } from "./params.js";
import type { RouteContext } from "./route-context.js";
import type { Json } from "./types.js";

// The docs say the list "only returns basic information"; the GET by token adds these.
const DETAIL_ONLY_FIELDS = ["targeting", "landing"];

function malformedV1(name: string): Reply {
  return v1Error(400, `Malformed parameter: ${name}`, 31);
}

function summary(campaign: Json): Json {
  const copy = { ...campaign };
  for (const field of DETAIL_ONLY_FIELDS) delete copy[field];
  return copy;
}

export function listInappCampaigns(ctx: RouteContext): Reply {
  const auth = checkV1Auth(ctx.headers, ctx.params.apiKey ?? "", ctx.state);
  if (!auth.ok) return auth.reply;
  const from = intParam(ctx.query, "from", 0, Number.MAX_SAFE_INTEGER, 0);
  if (!from.ok) return malformedV1("from");
  const limit = intParam(ctx.query, "limit", 1, 100, 10);
  if (!limit.ok) return malformedV1("limit");
  const live = boolParam(ctx.query, "live");
  if (!live.ok) return malformedV1("live");
  const fromApi = boolParam(ctx.query, "from_api");
  if (!fromApi.ok) return malformedV1("from_api");

  // Filters first, then the offset counts within the filtered list.
  const matching = auth.campaigns.filter(
    (c) => (live.value === undefined || c.live === live.value) && (fromApi.value === undefined || c.from_api === fromApi.value),
  );
  // "oversized-page" fault: 5 more items than asked for, continuing the data set.
  const take = ctx.pageFault === "oversized-page" ? limit.value + 5 : limit.value;
  return { status: 200, body: matching.slice(from.value, from.value + take).map(summary) };
}

export function getInappCampaign(ctx: RouteContext): Reply {
  const auth = checkV1Auth(ctx.headers, ctx.params.apiKey ?? "", ctx.state);
  if (!auth.ok) return auth.reply;
  const campaign = auth.campaigns.find((c) => c.campaign_token === ctx.params.token);
  return campaign ? { status: 200, body: campaign } : v1Error(404, "Campaign not found", 20);
}
