// The stats resource body (batch://orchestrations/{id}/stats, to be wired with the
// resources): last 30 days of one orchestration, daily series included, as JSON.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { startFakeBatch, type FakeBatch } from "../src/fake-batch/index.js";
import { silentLogger } from "../src/log.js";
import { createServices } from "../src/workspace/create-services.js";
import { orchestrationStatsJson } from "../src/mcp/stats-report.js";
import { makeStats } from "./fake-batch/factories.js";

const today = new Date().toISOString().slice(0, 10);
const start = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);

describe("orchestration stats JSON", () => {
  let fake: FakeBatch;
  beforeAll(async () => {
    fake = await startFakeBatch({ restKey: "r-key", projectKey: "p-key", stats: { orchestration_x: makeStats("orchestration_x", { days: 5, start }) } });
  });
  afterAll(() => fake.close());

  it("returns the last 30 days with the daily series, for an id or its URI", async () => {
    const config = loadConfig({ BATCH_API_BASE_URL: fake.url, BATCH_REST_API_KEY: "r-key", BATCH_PROJECT_KEY: "p-key", BATCH_RATE_LIMIT: "0" });
    const services = createServices(config, silentLogger);
    const json = JSON.parse(await orchestrationStatsJson(services, "batch://orchestrations/orchestration_x")) as Record<string, unknown>;
    expect(json).toMatchObject({ orchestration_id: "orchestration_x", group_by: "day", has_figures: true, range: { to: today, days: 30 } });
    expect(json.days).toHaveLength(5);
  });
});
