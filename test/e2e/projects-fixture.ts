// Two projects and three apps, as a BATCH_MCP_CONFIG file and a fake Batch serving them:
// FR (iOS, Android) and DE (Web). Every key is distinct, so a test can tell which one a
// request carried, and find any of them in an output.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeBatchOptions, Json } from "../../src/fake-batch/index.js";
import { makeInappCampaign, makeOrchestration, makeStats } from "../fake-batch/factories.js";
import { REST_KEY } from "./harness.js";

export const FR_KEY = "fr-project-KEY-1";
export const DE_KEY = "de-project-KEY-2";
export const IOS_KEY = "fr-ios-api-KEY-3";
export const ANDROID_KEY = "fr-android-api-KEY-4";
export const WEB_KEY = "de-web-api-KEY-5";
/** Every key: none may appear in any output or log. */
export const ALL_KEYS = [REST_KEY, FR_KEY, DE_KEY, IOS_KEY, ANDROID_KEY, WEB_KEY];

const DAY_MS = 86_400_000;
const day = (ago: number) => new Date(Date.now() - ago * DAY_MS).toISOString().slice(0, 10);
/** A range the stats below cover, recent enough for Batch's 6-month limit. */
export const STATS_RANGE = { from: day(5), to: day(3) };

const orchestrations = (prefix: string, n: number, name: string) =>
  Array.from({ length: n }, (_, i) => makeOrchestration(i, { id: `orchestration_${`${prefix}${i}`.padEnd(32, "q")}`, name: `${name} ${i}`, status: "running" }));

export const FR_ORCHESTRATIONS = orchestrations("fr", 3, "France only");
export const DE_ORCHESTRATIONS = orchestrations("de", 2, "Germany only");

/** `n` campaigns of one app, tokens `{prefix}{i}…`, one every two days from `newest` days ago. */
function campaigns(prefix: string, n: number, newest: number, name: string): Json[] {
  return Array.from({ length: n }, (_, i) =>
    makeInappCampaign(i, { campaign_token: `${prefix}${i}`.padEnd(32, "0"), name: `${name} ${i}`, created_date: `${day(newest + 2 * i)}T10:00:00`, live: true }),
  );
}

// iOS and Android interleave: a0 (1 day ago), b0 (2), a1 (3), b1 (4), a2 (5).
export const IOS_CAMPAIGNS = campaigns("a1", 3, 1, "iOS promo");
export const ANDROID_CAMPAIGNS = campaigns("b2", 2, 2, "Android promo");
export const WEB_CAMPAIGNS = campaigns("c3", 2, 1, "Germany web promo");

const idOf = (o: Json | undefined) => String(o?.id);
export const DE_FIRST = idOf(DE_ORCHESTRATIONS[0]);
export const FR_FIRST = idOf(FR_ORCHESTRATIONS[0]);

export function fakeWithProjects(): FakeBatchOptions {
  const stats = (id: string) => makeStats(id, { days: 3, start: STATS_RANGE.from });
  return {
    restKey: REST_KEY,
    projectKey: FR_KEY,
    orchestrations: FR_ORCHESTRATIONS,
    stats: { [FR_FIRST]: stats(FR_FIRST) },
    projects: { [DE_KEY]: DE_ORCHESTRATIONS },
    projectStats: { [DE_KEY]: { [DE_FIRST]: stats(DE_FIRST) } },
    apiKey: IOS_KEY,
    inappCampaigns: IOS_CAMPAIGNS,
    apps: { [ANDROID_KEY]: ANDROID_CAMPAIGNS, [WEB_KEY]: WEB_CAMPAIGNS },
  };
}

export interface ConfigOptions {
  defaultProject: "FR" | "DE";
  /** SHA-256 of tokens limited to some projects. */
  tokens?: Array<{ sha256: string; projects: string[] }>;
}

/** The configuration file, written with mode 0600 to a fresh temporary folder; returns its path. */
export function writeProjectsConfig({ defaultProject, tokens }: ConfigOptions): string {
  const config = {
    projects: [
      // The REST key falls back to BATCH_REST_API_KEY; one key comes from the environment.
      { name: "FR", project_key: FR_KEY, apps: [{ name: "iOS", api_key: IOS_KEY }, { name: "Android", api_key: { env: "FR_ANDROID_KEY" } }] },
      { name: "DE", project_key: DE_KEY, apps: [{ name: "Web", api_key: WEB_KEY }] },
    ],
    default_project: defaultProject,
    ...(tokens && { tokens }),
  };
  const file = join(mkdtempSync(join(tmpdir(), "batch-mcp-projects-")), "projects.json");
  writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  return file;
}

/** The server's environment with the file: no single-project keys (they would only be warned about). */
export function projectsEnv(file: string): Record<string, string | undefined> {
  return { BATCH_MCP_CONFIG: file, FR_ANDROID_KEY: ANDROID_KEY, BATCH_PROJECT_KEY: undefined, BATCH_API_KEY: undefined };
}

/** Fails when any key appears in what a client or a log could see. */
export function expectNoKeys(...texts: string[]): void {
  for (const text of texts) {
    for (const key of ALL_KEYS) {
      const at = text.indexOf(key);
      if (at >= 0) throw new Error(`a key leaked: …${text.slice(Math.max(0, at - 80), at + 40)}…`);
    }
  }
}
