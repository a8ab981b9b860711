// In-app parallel paging: 1,000 campaigns (10 v1.1 pages) with 50 ms of latency per page,
// listed by list_inapp_campaigns with the default page concurrency against the same
// server forced to one page at a time (BATCH_INAPP_CONCURRENCY=1). Both get a response
// budget big enough for the 1,000 lines, so the figure stays the paging's, comparable with
// earlier runs (at the default budget a call stops near 280 campaigns; the cursor continues).

import { makeInappCampaigns } from "../test/fake-batch/factories.js";
import { startSession, textOf, type Session } from "../test/e2e/harness.js";
import { medians, ms, ratio } from "./measure.js";
import type { Bench } from "./types.js";

const CAMPAIGNS = 1000;
const LATENCY_MS = 50;
const ROUNDS = 5;
const GOAL = 0.35;

function lister(s: Session) {
  return async () => {
    const result = await s.call("list_inapp_campaigns", { max_results: CAMPAIGNS }, { timeout: 60_000 });
    const returned = (result.structuredContent as { returned?: number } | undefined)?.returned;
    if (result.isError || returned !== CAMPAIGNS) throw new Error(`list_inapp_campaigns listed ${returned}: ${textOf(result).slice(0, 300)}`);
  };
}

const bench: Bench = async () => {
  const fake = { inappCampaigns: makeInappCampaigns(CAMPAIGNS), latencyMs: LATENCY_MS };
  const roomy = { BATCH_MCP_MAX_RESULT_CHARS: "1000000" };
  const parallel = await startSession({ fake, env: roomy });
  const sequential = await startSession({ fake, env: { ...roomy, BATCH_INAPP_CONCURRENCY: "1" } });
  try {
    const t = await medians(ROUNDS, { parallel: lister(parallel), sequential: lister(sequential) });
    const share = t.parallel / t.sequential;
    return [
      {
        name: `in-app parallel paging: ${CAMPAIGNS} campaigns, ${LATENCY_MS} ms/page, default vs concurrency 1`,
        measured: `${ratio(share)} (${ms(t.parallel)} vs ${ms(t.sequential)})`,
        goal: `<= ${GOAL}x`,
        ok: share <= GOAL,
      },
    ];
  } finally {
    await parallel.close();
    await sequential.close();
  }
};
export default bench;
