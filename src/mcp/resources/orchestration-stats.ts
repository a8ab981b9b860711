// batch://orchestrations/{id}/stats (and batch://projects/{project}/orchestrations/{id}/stats):
// the last 30 days of one orchestration's statistics, daily series included, as the same
// JSON report get_orchestration_stats returns. Served from the stats cache (10 minutes) when
// a tool or a compare fetched the same range.

import { ResourceTemplate, ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server";
import type { Speaker } from "../speaker.js";
import { resourceNotFound } from "./not-found.js";
import { asDeadlineError, deadlineIn, untilDeadline } from "../../batch/deadline.js";
import { BatchApiError, isUnknownIdAnswer } from "../../batch/errors.js";
import { describeBatchError } from "../error-messages.js";
import { InputError, RefError } from "../../workspace/input-error.js";
import type { Services } from "../../workspace/services.js";
import { orchestrationStatsJson } from "../stats-report.js";
import { completeKey } from "./complete.js";
import { RESOURCE_MIME_TYPE } from "./kind.js";
import { orchestrationResource } from "./orchestrations.js";
import { placesFor, variable, type Place } from "./places.js";
import { decodeKey } from "./template.js";

export const STATS_TEMPLATE = "batch://orchestrations/{id}/stats";

// Batch answers an unknown orchestration id with 400 (or 404): for a resource, that is "not found".
function toMcpError(error: unknown, uri: string): unknown {
  if (error instanceof RefError && error.reason === "not-found") return resourceNotFound(uri, error.message);
  if (error instanceof InputError) return new ProtocolError(ProtocolErrorCode.InvalidParams, error.message);
  if (!(error instanceof BatchApiError)) return error;
  if (isUnknownIdAnswer(error)) return resourceNotFound(uri, describeBatchError(error));
  return new ProtocolError(ProtocolErrorCode.InternalError, describeBatchError(error));
}

const METADATA = {
  title: "Batch orchestration statistics (last 30 days)",
  description:
    "Sends, deliveries, opens, clicks, bounces and unsubscribes of one orchestration over the last 30 days, with rates, A/B versions and the daily series. " +
    "For another range or breakdown, use the get_orchestration_stats tool.",
  mimeType: RESOURCE_MIME_TYPE,
};

function registerAt({ server }: Speaker, place: Place): void {
  const template = new ResourceTemplate(place.uriTemplate(STATS_TEMPLATE), {
    list: undefined,
    complete: { ...place.complete, id: (value, context) => completeKey(place.completing(context), orchestrationResource, value) },
  });
  server.registerResource(place.name("orchestration-stats"), template, METADATA, async (uri, variables, ctx) => {
    const services = place.workspace(variables, uri.href);
    const deadline = deadlineIn(services.config.timeBudgetMs);
    try {
      const id = decodeKey(variable(variables, "id"));
      const text = await orchestrationStatsJson(services, id, untilDeadline(ctx.mcpReq.signal, deadline));
      return { contents: [{ uri: uri.href, mimeType: RESOURCE_MIME_TYPE, text }] };
    } catch (error) {
      throw toMcpError(asDeadlineError(error, deadline, ctx.mcpReq.signal), uri.href);
    }
  });
}

export function registerStatsResource(speaker: Speaker, services: Services): void {
  for (const place of placesFor(speaker, services)) registerAt(speaker, place);
}
