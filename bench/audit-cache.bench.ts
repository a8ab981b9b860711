// CPU cost of the audit rules and of the item cache behind resources, at their bounds:
// 1,000 + 1,000 items audited, 5,000 items cached, listed and completed.

import { Handles } from "../src/workspace/state/handles.js";
import { runAudit } from "../src/insights/audit.js";
import { parseInappCampaign, type InappCampaign } from "../src/batch/inapp-campaign.js";
import { parseOrchestration, type Orchestration } from "../src/batch/orchestration.js";
import { makeInappCampaigns, makeOrchestrations } from "../src/fake-batch/index.js";
import { auditText } from "../src/mcp/format/audit.js";
import { ItemCache } from "../src/workspace/state/item-cache.js";
import { remember } from "../src/workspace/kinds/remember.js";
import { listCached } from "../src/mcp/resources/list.js";
import { orchestrationResource } from "../src/mcp/resources/orchestrations.js";
import type { Bench } from "./types.js";

function timeMs(runs: number, fn: () => void): number {
  const started = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - started) / runs;
}

const bench: Bench = async () => {
  const orchestrations = makeOrchestrations(1000).map(parseOrchestration).filter((o): o is Orchestration => o !== undefined);
  const inapp = makeInappCampaigns(1000).map(parseInappCampaign).filter((c): c is InappCampaign => c !== undefined);
  const now = Date.UTC(2025, 6, 1);
  const auditMs = timeMs(50, () => {
    const findings = runAudit({ orchestrations, inapp }, { now, staleDays: 30 });
    auditText({ asOf: "", scope: "all", staleDays: 30, scanned: [], findings });
  });

  const many = makeOrchestrations(5000).map(parseOrchestration).filter((o): o is Orchestration => o !== undefined);
  const cache = new ItemCache();
  const fillMs = timeMs(20, () => remember({ cache, handles: new Handles() }, orchestrationResource, many));
  const listMs = timeMs(50, () => listCached(cache, {}));
  return [
    { name: "audit rules + text, 1,000 orchestrations + 1,000 in-app", measured: `${auditMs.toFixed(2)} ms`, goal: "<= 50 ms", ok: auditMs <= 50 },
    { name: "cache and index the handles of 5,000 listed orchestrations", measured: `${fillMs.toFixed(2)} ms`, goal: "<= 50 ms", ok: fillMs <= 50 },
    { name: "resources/list first page of 5,000 cached", measured: `${listMs.toFixed(2)} ms`, goal: "<= 20 ms", ok: listMs <= 20 },
  ];
};
export default bench;
