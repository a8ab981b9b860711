// Fixture factories for tests. The generators live in src/fake-batch/ because the shipped
// demo mode serves the same data; tests import them from here so fixtures have one home.

export {
  campaignToken,
  inappLanding,
  pushContent,
  makeInappCampaign,
  makeInappCampaigns,
  makeOrchestration,
  makeOrchestrations,
  makeStats,
  plantedStats,
  orchestrationId,
  STAT_METRICS,
  type MakeStatsOptions,
  type PlantedTotals,
} from "../../src/fake-batch/index.js";

// The body documented on Batch's "Get orchestrations stats" page.
export const DOCUMENTED_STATS = {
  id: "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q",
  details: [
    {
      date: "2025-03-18",
      sent: 972, delivered: 847, unique_open: 214, total_open: 259, unique_machine_open: 126,
      unique_click: 37, total_click: 41, spam: 4, unsubscribe: 13, total_bounce: 14, skipped: 15,
      versions: [
        { version: "a", sent: 530, delivered: 465, unique_open: 139, total_open: 161, unique_machine_open: 37, unique_click: 14, total_click: 16, spam: 3, unsubscribe: 10, total_bounce: 4, skipped: 10 },
        { version: "b", sent: 442, delivered: 382, unique_open: 75, total_open: 98, unique_machine_open: 89, unique_click: 23, total_click: 25, spam: 1, unsubscribe: 3, total_bounce: 10, skipped: 5 },
      ],
    },
  ],
};
