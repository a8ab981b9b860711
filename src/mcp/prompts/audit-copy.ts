// The audit's copy pass in words: what was read (src/workspace/audit/read-copy.ts), what is
// still being fetched, and which campaigns were not audited for copy and why: those Batch has
// no content route for, grouped by reason, and those whose copy could not be read.

import { describeBudget } from "../../batch/deadline.js";
import { notAuditedAfter, type NotAudited } from "../../insights/copy-scope.js";
import { COPY_MAX, type CopyItem, type CopyRead } from "../../workspace/audit/read-copy.js";
import { inappKind } from "../../workspace/kinds/inapp-campaigns.js";
import { orchestrationKind } from "../../workspace/kinds/orchestrations.js";
import type { Services } from "../../workspace/services.js";
import { describeBatchError } from "../error-messages.js";
import { inline, quote } from "../../text/quote.js";
import { plural } from "../format/text.js";

/** Campaigns named per reason, and failures named, before counting the rest. */
const NAMED = 10;
/** Names in these lines are cut shorter than in findings: they are a roll call. */
const ROLL_NAME_CHARS = 60;

function named(services: Services, item: Pick<CopyItem, "kind" | "id"> & { name?: string | undefined }): string {
  const kind = item.kind === "orchestration" ? orchestrationKind : inappKind;
  return `${quote(item.name ?? "(unnamed)", ROLL_NAME_CHARS)} (${services.handles.for(kind).handle(item.id)})`;
}

/** `not audited for copy (why): "A" (h1), "B" (h2) … and 3 more`, one line per reason. */
function byReason(services: Services, notAudited: readonly NotAudited[]): string[] {
  const groups = new Map<string, NotAudited[]>();
  for (const x of notAudited) groups.set(x.detail, [...(groups.get(x.detail) ?? []), x]);
  return [...groups].map(([detail, items]) => {
    const rest = items.length - NAMED;
    return `not audited for copy (${inline(detail)}): ${items.slice(0, NAMED).map((x) => named(services, x)).join(", ")}${rest > 0 ? ` … and ${rest} more` : ""}`;
  });
}

export function copyLines(read: CopyRead, services: Services, budgetMs: number): string[] {
  const push = read.contents.filter((c) => c.kind === "orchestration").length;
  const inapp = read.contents.length - push;
  const failed = read.failed.map(({ item, error }) =>
    // Batch's reason in this server's words; any other failure in the sentence every tool uses.
    `not audited for copy: ${named(services, item)}: ${error.reason ? `${notAuditedAfter(item, error).detail}.` : describeBatchError(error)}`,
  );
  return [
    `copy of ${push} of ${plural(read.push, "running or draft one-time push campaign")} and ${inapp} of ${plural(read.inapp, "live in-app campaign")} read` +
      (read.notLookedAt > 0 ? `; the audit reads at most ${COPY_MAX} of each kind, so ${read.notLookedAt} were not looked at` : ""),
    ...(read.left
      ? [`copy of ${plural(read.left, "campaign")} still being fetched in the background (the time budget of ${describeBudget(budgetMs)} ran out, at Batch's pace of about 1 request/s); ask for this audit again in a minute or two to include them.`]
      : []),
    ...byReason(services, read.notAudited),
    ...failed.slice(0, NAMED),
    ...(failed.length > NAMED ? [`… and ${failed.length - NAMED} more not audited for copy, for the same kinds of reason.`] : []),
  ];
}
