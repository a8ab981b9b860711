// batch://orchestrations/{id}/content: one push campaign's copy, as the same JSON
// get_campaign_content returns as structuredContent. Served from the content cache (10
// minutes) when a tool or an audit read it. An unknown id, or an orchestration that is not a
// one-time push campaign (Batch's view route serves no other), is "not found", saying why.

import { ProtocolError, ProtocolErrorCode, ResourceTemplate } from "@modelcontextprotocol/server";
import { asDeadlineError, deadlineIn, untilDeadline } from "../../batch/deadline.js";
import { BatchApiError } from "../../batch/errors.js";
import { orchestrationRef } from "../../workspace/handles/refs.js";
import { requireRef } from "../../workspace/handles/resolve.js";
import { InputError, RefError } from "../../workspace/input-error.js";
import type { Services } from "../../workspace/services.js";
import { campaignContent } from "../campaign-content.js";
import { describeBatchError } from "../error-messages.js";
import type { Speaker } from "../speaker.js";
import { RESOURCE_MIME_TYPE } from "./kind.js";
import { resourceNotFound } from "./not-found.js";
import { orchestrationResource } from "./orchestrations.js";
import { completeKey, decodeKey } from "./template.js";

export const CONTENT_TEMPLATE = "batch://orchestrations/{id}/content";

function toMcpError(error: unknown, uri: string): unknown {
  if (error instanceof RefError && error.reason === "not-found") return resourceNotFound(uri, error.message);
  if (error instanceof InputError) return new ProtocolError(ProtocolErrorCode.InvalidParams, error.message);
  if (!(error instanceof BatchApiError)) return error;
  if (error.reason === "unknown_id" || error.reason === "not_push") return resourceNotFound(uri, describeBatchError(error));
  return new ProtocolError(ProtocolErrorCode.InternalError, describeBatchError(error));
}

async function read(services: Services, value: string, uri: string, signal: AbortSignal): Promise<string> {
  const id = await requireRef(orchestrationRef, services, value, signal);
  const answer = await campaignContent(services, { kind: "orchestration", id }, signal);
  if (!answer.ok) throw resourceNotFound(uri, answer.sentence);
  return JSON.stringify(answer.summary, null, 2);
}

export function registerContentResource({ server }: Speaker, services: Services): void {
  const template = new ResourceTemplate(CONTENT_TEMPLATE, {
    list: undefined,
    complete: { id: (value) => completeKey(services, orchestrationResource, value) },
  });
  const metadata = {
    title: "Batch push campaign content",
    description:
      "The copy of one one-time push campaign, per language (title, body, deeplink, image, buttons) with Batch's answer as returned: the get_campaign_content tool's structured result. " +
      "Batch's API shows no copy for email, SMS, recurring or trigger orchestrations; for in-app campaigns, use the tool.",
    mimeType: RESOURCE_MIME_TYPE,
  };
  server.registerResource("orchestration-content", template, metadata, async (uri, variables, ctx) => {
    const raw = variables.id;
    const deadline = deadlineIn(services.config.timeBudgetMs);
    try {
      const value = decodeKey(Array.isArray(raw) ? raw.join(",") : (raw ?? ""));
      const text = await read(services, value, uri.href, untilDeadline(ctx.mcpReq.signal, deadline));
      return { contents: [{ uri: uri.href, mimeType: RESOURCE_MIME_TYPE, text }] };
    } catch (error) {
      throw toMcpError(asDeadlineError(error, deadline, ctx.mcpReq.signal), uri.href);
    }
  });
}
