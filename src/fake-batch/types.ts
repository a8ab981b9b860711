// Public types of the fake Batch.com server. Kept apart from the code so that route
// modules, the fault queue and the server can share them without importing each other.

export type Json = Record<string, unknown>;

export interface FakeBatchOptions {
  /** REST API key expected in `Authorization: Bearer` (v2) and `X-Authorization` (v1.1). */
  restKey?: string;
  /** Project key accepted in `X-Batch-Project` (the default project); more come from `projects`. */
  projectKey?: string;
  /** App API key accepted in the v1.1 URL path (the default app); more come from `apps`. */
  apiKey?: string;
  /** Orchestrations of `projectKey`, in API order (newest first). */
  orchestrations?: Json[];
  /** Extra project keys, each with its own orchestrations. */
  projects?: Record<string, Json[]>;
  /** In-app campaigns of `apiKey`, in API order (newest first). */
  inappCampaigns?: Json[];
  /** Extra app API keys, each with its own in-app campaigns (newest first). */
  apps?: Record<string, Json[]>;
  /** Stats of `projectKey`: orchestration id -> stats response body, as Batch returns it. */
  stats?: Record<string, Json>;
  /**
   * Orchestration id -> what the view route adds to the listed fields of that one-time push
   * campaign: its copy (`messages`, see pushContent), `targeting`, `updated_date`, any field.
   */
  contents?: Record<string, Json>;
  /** Stats of other projects: project key -> orchestration id -> body. A key not in
   *  `projects` becomes a known project with no orchestrations listed. */
  projectStats?: Record<string, Record<string, Json>>;
  /** Added to every response, milliseconds. */
  latencyMs?: number;
  /** yyyy-MM-dd used for the stats "not earlier than 6 months ago" check (default: real UTC today). */
  today?: string;
}

export type RouteName = "orchestrations" | "inapp-list" | "inapp-get" | "stats" | "orchestration-view";

export interface RecordedRequest {
  route: RouteName | "unknown";
  method: string;
  /** Path as sent, without the query string. */
  path: string;
  query: Record<string, string[]>;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** performance.now() at arrival, ms. */
  startedAt: number;
  /** performance.now() when the response ended or the connection closed, ms. */
  endedAt?: number;
}

export type Fault =
  | { kind: "status"; status: number; body?: string | Json; headers?: Record<string, string> }
  | { kind: "delay"; ms: number }
  | { kind: "hang" }
  | { kind: "reset" }
  | { kind: "non-json" }
  | { kind: "truncated" }
  | { kind: "wrong-shape" }
  | { kind: "repeat-cursor" }
  | { kind: "has-more-no-next" }
  | { kind: "oversized-page" };

/** Faults that change a normal list page rather than replace the response. */
export type PageFaultKind = "repeat-cursor" | "has-more-no-next" | "oversized-page";

export interface ScriptedFault {
  /** Only requests on this route match (default: any request). */
  route?: RouteName;
  /**
   * Only requests whose query has these parameter values match, e.g. `{ from: "200" }`:
   * how a test targets one page when pages are fetched in parallel and arrive in any order.
   */
  query?: Record<string, string>;
  /** Apply to the nth matching request from now, 1-based (default 1: the next one). */
  nth?: number;
  /** How many consecutive matching requests get it (default 1). */
  times?: number;
  fault: Fault;
}

export interface FakeBatch {
  /** "http://127.0.0.1:PORT" */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Highest number of requests in flight at once since start or clearRequests(). */
  readonly maxConcurrent: number;
  script(...faults: ScriptedFault[]): void;
  /** Replaces a project's orchestrations (default: `projectKey`); a new key becomes a known project. */
  setOrchestrations(items: Json[], projectKey?: string): void;
  /** Replaces an app's in-app campaigns (default: `apiKey`); a new key becomes a known app. */
  setInappCampaigns(items: Json[], apiKey?: string): void;
  /** Sets one orchestration's stats in a project (default: `projectKey`), seen by that project only. */
  setStats(id: string, body: Json, projectKey?: string): void;
  /** What the view route adds for this orchestration (replaces any earlier content). */
  setContent(id: string, content: Json): void;
  setLatency(ms: number): void;
  /** Forgets recorded requests and resets maxConcurrent. */
  clearRequests(): void;
  /** Closes the server, destroying open sockets (hanging and keep-alive ones included). */
  close(): Promise<void>;
}
