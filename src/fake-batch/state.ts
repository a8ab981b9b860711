// The mutable data set the routes read: keys, orchestrations per project, in-app
// campaigns, stats bodies, push campaign contents, latency. One object so setters and routes agree on it.

import type { FakeBatchOptions, Json } from "./types.js";

export class FakeState {
  readonly restKey: string;
  readonly apiKey: string;
  readonly defaultProjectKey: string;
  readonly projects = new Map<string, Json[]>();
  readonly stats = new Map<string, Json>();
  readonly contents = new Map<string, Json>();
  inappCampaigns: Json[];
  latencyMs: number;
  private readonly fixedToday: string | undefined;

  constructor(options: FakeBatchOptions) {
    this.restKey = options.restKey ?? "test-rest-key-S3CRET";
    this.apiKey = options.apiKey ?? "test-api-key-S3CRET";
    this.defaultProjectKey = options.projectKey ?? "project-key-1";
    this.projects.set(this.defaultProjectKey, [...(options.orchestrations ?? [])]);
    for (const [key, items] of Object.entries(options.projects ?? {})) this.projects.set(key, [...items]);
    for (const [id, body] of Object.entries(options.stats ?? {})) this.stats.set(id, body);
    for (const [id, content] of Object.entries(options.contents ?? {})) this.contents.set(id, content);
    this.inappCampaigns = [...(options.inappCampaigns ?? [])];
    this.latencyMs = checkedLatency(options.latencyMs ?? 0);
    this.fixedToday = options.today;
  }

  /** Setting a new key makes it a known project, so tests can add projects on the fly. */
  setOrchestrations(items: Json[], projectKey = this.defaultProjectKey): void {
    this.projects.set(projectKey, [...items]);
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
