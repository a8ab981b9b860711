// Fixture factories for tests. The generators live in src/fake-batch/ because the shipped
// demo mode serves the same data; tests import them from here so fixtures have one home.

export {
  campaignToken,
  makeInappCampaign,
  makeInappCampaigns,
  makeOrchestration,
  makeOrchestrations,
  makeStats,
  orchestrationId,
  STAT_METRICS,
  type MakeStatsOptions,
} from "../../src/fake-batch/index.js";
