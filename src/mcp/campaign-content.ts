// One campaign's copy as the MCP layer answers it: the summary (structuredContent, and the
// body of the batch://orchestrations/{id}/content resource) or, for an orchestration listed as
// a kind Batch's view route does not serve, the sentence saying so. Shared by
// get_campaign_content and its resource.

import { readContent } from "../workspace/content/read-content.js";
import type { ContentRef } from "../workspace/content/content-ref.js";
import { inappKind } from "../workspace/kinds/inapp-campaigns.js";
import { orchestrationKind } from "../workspace/kinds/orchestrations.js";
import type { Services } from "../workspace/services.js";
import { noContentRouteText, summarizeContent, type ContentSummary } from "./format/content.js";

export type ContentAnswer = { ok: true; summary: ContentSummary } | { ok: false; sentence: string };

/** Throws BatchApiError for Batch's failures. */
export async function campaignContent(services: Services, ref: ContentRef, signal?: AbortSignal, projectKey?: string): Promise<ContentAnswer> {
  const read = await readContent(services, ref, signal, projectKey);
  const kind = ref.kind === "orchestration" ? orchestrationKind : inappKind;
  const handles = services.handles.for(kind);
  if (!read.ok) return { ok: false, sentence: noContentRouteText(read.orchestration, handles.handle(ref.id), read.gap) };
  return { ok: true, summary: summarizeContent(read.content, { name: handles.name(ref.id), handle: handles.handle(ref.id), uri: kind.uri(ref.id) }) };
}
