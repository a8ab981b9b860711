// The mutable data set the routes read: keys, orchestrations and stats per project key,
// in-app campaigns per app API key, push campaign contents, latency. One object so setters and routes agree on it.
// The options' single-project fields fill the default project and app; `projects`,
// `projectStats` and `apps` add others, each seeing only its own data.

import type { FakeBatchOptions, Json } from "./types.js";

export class FakeState {
  readonly restKey: string;
  readonly defaultProjectKey: string;
  readonly defaultApiKey: string;
  /** Project key -> its orchestrations, in API order. The known project keys. */
  readonly projects = new Map<string, Json[]>();
  /** App API key -> its in-app campaigns, in API order. The known API keys. */
  readonly apps = new Map<string, Json[]>();
  /** Project key -> orchestration id -> stats body. */
  private readonly stats = new Map<string, Map<string, Json>>();
  /** Orchestration id -> what the view route adds to its listed fields (ids are unique across projects). */
  readonly contents = new Map<string, Json>();
  latencyMs: number;
  private readonly fixedToday: string | undefined;

  constructor(options: FakeBatchOptions) {
    this.restKey = options.restKey ?? "test-rest-key-S3CRET";
    this.defaultProjectKey = options.projectKey ?? "project-key-1";
    this.defaultApiKey = options.apiKey ?? "test-api-key-S3CRET";
    this.setOrchestrations(options.orchestrations ?? []);
    for (const [key, items] of Object.entries(options.projects ?? {})) this.setOrchestrations(items, key);
    for (const [id, body] of Object.entries(options.stats ?? {})) this.setStats(id, body);
    for (const [key, bodies] of Object.entries(options.projectStats ?? {})) {
      for (const [id, body] of Object.entries(bodies)) this.setStats(id, body, key);
    }
    this.setInappCampaigns(options.inappCampaigns ?? []);
    for (const [key, items] of Object.entries(options.apps ?? {})) this.setInappCampaigns(items, key);
    for (const [id, content] of Object.entries(options.contents ?? {})) this.contents.set(id, content);
    this.latencyMs = checkedLatency(options.latencyMs ?? 0);
    this.fixedToday = options.today;
  }

  /** Setting a new key makes it a known project, so tests can add projects on the fly. */
  setOrchestrations(items: Json[], projectKey = this.defaultProjectKey): void {
    this.projects.set(projectKey, [...items]);
  }

  /** A new key becomes a known project (with no orchestrations listed). */
  setStats(id: string, body: Json, projectKey = this.defaultProjectKey): void {
    if (!this.projects.has(projectKey)) this.projects.set(projectKey, []);
    const bodies = this.stats.get(projectKey) ?? new Map<string, Json>();
    this.stats.set(projectKey, bodies.set(id, body));
  }

  /** Stats bodies of one project only. */
  statsOf(projectKey: string): ReadonlyMap<string, Json> {
    return this.stats.get(projectKey) ?? new Map();
  }

  /** Setting a new key makes it a known app. */
  setInappCampaigns(items: Json[], apiKey = this.defaultApiKey): void {
    this.apps.set(apiKey, [...items]);
  }

  setLatency(ms: number): void {
    this.latencyMs = checkedLatency(ms);
  }

  /** yyyy-MM-dd, read per request so a long-running demo follows the calendar. */
  today(): string {
    return this.fixedToday ?? new Date().toISOString().slice(0, 10);
  }
}

function checkedLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a non-negative number of ms, got ${ms}`);
  return ms;
}
