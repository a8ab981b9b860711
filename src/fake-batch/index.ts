// Public API of the fake Batch.com server (end-to-end tests and the product's demo mode).
// Self-contained: nothing here imports src/batch or src/mcp.

export type {
  FakeBatch,
  FakeBatchOptions,
  Fault,
  Json,
  PageFaultKind,
  RecordedRequest,
  RouteName,
  ScriptedFault,
} from "./types.js";
export { startFakeBatch } from "./server.js";
export { DEMO_KEYS, demoOptions } from "./demo.js";
export { makeOrchestration, makeOrchestrations, orchestrationId } from "./sample-orchestrations.js";
export { campaignToken, makeInappCampaign, makeInappCampaigns } from "./sample-inapp.js";
export { makeStats, plantedStats, STAT_METRICS, type MakeStatsOptions, type PlantedTotals } from "./sample-stats.js";
export { inappLanding, pushContent, type InappButton, type InappCopy, type PushCopy } from "./sample-content.js";
