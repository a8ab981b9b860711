// Paging: 10,000 orchestrations (100 Batch pages) from the fake on 127.0.0.1, read through
// the server's list_orchestrations (max_results 1000, calls chained by cursor, each cut by
// the response budget, over stdio, text included). What users wait on is requests to Batch
// (1 a second by default), so the goal row counts those: every page once, none again. The
// time against a bare undici loop fetching and JSON-parsing the same 100 pages (pacing off)
// is kept as a reference: a retired goal.

import { request } from "undici";
import { orchestrationsListUrl } from "../src/batch/orchestrations-endpoint.js";
import { makeOrchestrations } from "../test/fake-batch/factories.js";
import { PROJECT_KEY, REST_KEY, startSession } from "../test/e2e/harness.js";
import { medians, ms, ratio } from "./measure.js";
import type { Bench } from "./types.js";

const ITEMS = 10_000;
const MAX_RESULTS = 1000;
const ROUNDS = 5;
/** 10,000 items are 100 pages of 100: each asked for once, whatever the answers' cuts. */
const REQUEST_GOAL = ITEMS / 100;
// Every status, so all 10,000 items are listed (Batch's default is running + completed).
const STATUS = ["draft", "running", "completed", "stopped"];

const bench: Bench = async () => {
  const s = await startSession({ fake: { orchestrations: makeOrchestrations(ITEMS) }, env: { BATCH_RATE_LIMIT: "0" } });
  try {
    let calls = 0;
    const throughServer = async () => {
      let args: Record<string, unknown> = { status: STATUS, max_results: MAX_RESULTS };
      let listed = 0;
      calls = 0;
      for (; ; calls++) {
        const result = await s.call("list_orchestrations", args, { timeout: 120_000 });
        const structured = result.structuredContent as { returned: number; cursor?: string } | undefined;
        if (result.isError || !structured) throw new Error(`list_orchestrations failed: ${JSON.stringify(result.content)}`);
        listed += structured.returned;
        if (!structured.cursor) break;
        args = { cursor: structured.cursor, max_results: MAX_RESULTS };
      }
      if (listed !== ITEMS) throw new Error(`listed ${listed} of ${ITEMS}`);
    };

    const headers = { authorization: `Bearer ${REST_KEY}`, "x-batch-project": PROJECT_KEY };
    const bareLoop = async () => {
      let from: string | undefined;
      let listed = 0;
      do {
        const url = orchestrationsListUrl(s.fake.url, "2.10", { status: STATUS }, from);
        const response = await request(url, { headers });
        const body = (await response.body.json()) as { orchestrations: unknown[]; next_from?: string };
        listed += body.orchestrations.length;
        from = body.next_from;
      } while (from !== undefined);
      if (listed !== ITEMS) throw new Error(`fetched ${listed} of ${ITEMS}`);
    };

    s.fake.clearRequests();
    await throughServer();
    const requests = s.fake.requests.filter((r) => r.route === "orchestrations").length;
    const answers = calls + 1;
    const t = await medians(ROUNDS, { server: throughServer, bare: bareLoop });
    const overhead = t.server / t.bare;
    return [
      {
        name: `paging: requests to Batch for ${ITEMS} orchestrations via list_orchestrations (${answers} budget-cut answers)`,
        measured: String(requests),
        goal: `<= ${REQUEST_GOAL} (each page once)`,
        ok: requests <= REQUEST_GOAL,
      },
      {
        name: `paging time: ${ITEMS} orchestrations, list_orchestrations vs bare undici (retired goal, reference)`,
        measured: `${ratio(overhead)} (${ms(t.server)} vs ${ms(t.bare)})`,
        goal: "reference",
        ok: true,
      },
    ];
  } finally {
    await s.close();
  }
};
export default bench;
