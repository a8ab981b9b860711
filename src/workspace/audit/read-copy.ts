// The audit's copy pass: the copy of running and draft one-time push campaigns (the 2.x view
// route, one request each at Batch's pace) and of live in-app campaigns (the v1.1 GET by token,
// a few at once), up to 100 of each, through the content cache and within the time budget.
// What the budget does not cover is queued for background fetching, so the next audit has it.

import type { CampaignContent, ContentKind } from "../../batch/content.js";
import { untilDeadline, type Deadline } from "../../batch/deadline.js";
import { BatchApiError, failsForEveryId } from "../../batch/errors.js";
import type { InappCampaign } from "../../batch/inapp-campaign.js";
import type { Orchestration } from "../../batch/orchestration.js";
import { copyAuditScope, withoutCopy, type NotAudited } from "../../insights/copy-scope.js";
import { contentKey, fetchContent, loadContent } from "../content/read-content.js";
import type { Services } from "../services.js";

/** Campaigns of each kind (push, in-app) whose copy one audit reads. */
export const COPY_MAX = 100;

/** What the copy pass names: a campaign, its kind and name. */
export interface CopyItem {
  kind: ContentKind;
  id: string;
  name: string;
}

export interface CopyRead {
  contents: CampaignContent[];
  /** Running or draft one-time push campaigns, and live in-app campaigns, among those listed. */
  push: number;
  inapp: number;
  /** Past COPY_MAX, not looked at (push, in-app). */
  notLookedAt: number;
  /** Running or draft orchestrations Batch has no content route for, and campaigns whose answer held no copy: with why. */
  notAudited: NotAudited[];
  /** Batch refused or failed; the MCP layer words the error. */
  failed: Array<{ item: CopyItem; error: BatchApiError }>;
  /** Left for the background fetch: the time budget ran out first. */
  left: number;
}

const ACTIVE = new Set(["running", "draft"]);

interface Pass {
  read: CampaignContent[];
  failed: CopyRead["failed"];
  left: CopyItem[];
}

/**
 * Reads `items` with `concurrency` workers, in order, until the deadline. A failure that would
 * repeat for every id (keys refused or missing) is said once per campaign and asked no more; a
 * 403 that means "not a push campaign" is about that campaign only.
 */
async function readAll(services: Services, items: readonly CopyItem[], concurrency: number, deadline: Deadline, signal: AbortSignal): Promise<Pass> {
  const read: Array<CampaignContent | undefined> = [];
  const failed: Pass["failed"] = [];
  const left: CopyItem[] = [];
  const both = untilDeadline(signal, deadline);
  let fatal: BatchApiError | undefined;
  let next = 0;
  const worker = async () => {
    for (let at = next++; at < items.length; at = next++) {
      const item = items[at] as CopyItem;
      if (fatal !== undefined) failed.push({ item, error: fatal });
      else if (deadline.expired()) left.push(item);
      else {
        try {
          read[at] = (await loadContent(services, item, both)).content;
        } catch (error) {
          if (signal.aborted) throw error;
          if (deadline.expired()) left.push(item);
          else if (!(error instanceof BatchApiError)) throw error;
          else {
            failed.push({ item, error });
            if (failsForEveryId(error) && error.reason === undefined) fatal = error;
          }
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return { read: read.filter((c): c is CampaignContent => c !== undefined), failed, left };
}

function pushItems(orchestrations: readonly Orchestration[]): { items: CopyItem[]; noRoute: NotAudited[] } {
  const scope = copyAuditScope(orchestrations.filter((o) => ACTIVE.has(o.status)));
  return { items: scope.fetch.map((o) => ({ kind: "orchestration", id: o.id, name: o.name })), noRoute: scope.notAudited };
}

export async function readCopy(
  services: Services,
  listed: { orchestrations?: readonly Orchestration[] | undefined; inapp?: readonly InappCampaign[] | undefined },
  deadline: Deadline,
  signal: AbortSignal,
): Promise<CopyRead> {
  const push = pushItems(listed.orchestrations ?? []);
  const inapp: CopyItem[] = (listed.inapp ?? []).filter((c) => c.live).map((c) => ({ kind: "inapp_campaign", id: c.token, name: c.name }));
  const [p, i] = await Promise.all([
    // One at a time: the 2.x pacer spaces them anyway, and the deadline is checked before each.
    readAll(services, push.items.slice(0, COPY_MAX), 1, deadline, signal),
    readAll(services, inapp.slice(0, COPY_MAX), services.config.inappConcurrency, deadline, signal),
  ]);
  const left = [...p.left, ...i.left];
  services.contentPrefetch.enqueue(left.map((item) => ({ key: contentKey(services, item), load: (s) => fetchContent(services, item, s) })));
  const contents = [...p.read, ...i.read];
  return {
    contents,
    push: push.items.length,
    inapp: inapp.length,
    notLookedAt: Math.max(0, push.items.length - COPY_MAX) + Math.max(0, inapp.length - COPY_MAX),
    notAudited: [...push.noRoute, ...withoutCopy(contents)],
    failed: [...p.failed, ...i.failed],
    left: left.length,
  };
}
