// batch://orchestrations/{id}: from the cache when listed, else found by paging Batch's
// list (see src/workspace/kinds/orchestrations.ts), which has no get-by-id.

import type { Orchestration } from "../../batch/orchestration.js";
import { orchestrationRef } from "../../workspace/handles/refs.js";
import { fetchOrchestration, ORCHESTRATION_SEARCH_MAX_PAGES, orchestrationKind } from "../../workspace/kinds/orchestrations.js";
import type { ResourceKind } from "./kind.js";
import { INPUT_CHARS, quote } from "../../text/quote.js";
import { defineItemTemplate } from "./template.js";

export const orchestrationResource: ResourceKind<Orchestration> = {
  ...orchestrationKind,
  template: "batch://orchestrations/{id}",
  variable: "id",
  title: "Batch orchestration",
  description:
    "One Batch orchestration (campaign, recurring, trigger automation or warmup) exactly as Batch's list API returned it, with when it was fetched. " +
    "Ids come from list_orchestrations; an id never listed is looked up by paging through every status and type.",
};

export const orchestrationTemplate = defineItemTemplate({
  resource: orchestrationResource,
  ref: orchestrationRef,
  fetchMissing: fetchOrchestration,
  notFound: (id) =>
    `Orchestration ${quote(id, INPUT_CHARS)} was not found: it is in none of the first ${ORCHESTRATION_SEARCH_MAX_PAGES} pages of Batch's list over every status and type. ` +
    "Check the id (list_orchestrations shows them) and the project key.",
});
