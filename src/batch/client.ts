// The Batch API client: a plain typed object that a non-MCP program could reuse.
// It owns the keys, the pacing lanes and the retry policy; endpoints are thin on top.

import { inappContent, type CampaignContent } from "./content.js";
import { orchestrationViewUrl, parseOrchestrationContent, VIEW_OPERATION, viewErrorReason } from "./content-endpoint.js";
import { BatchApiError, type BatchApiVersion } from "./errors.js";
import type { InappCampaign } from "./inapp-campaign.js";
import {
  INAPP_PAGE_SIZE,
  inappCampaignUrl,
  inappListUrl,
  offsetOf,
  parseInappCampaignBody,
  parseInappPage,
  positionOf,
  type InappQuery,
} from "./inapp-endpoint.js";
import { offsetPages } from "./offset-pages.js";
import { orchestrationsListUrl, parseOrchestrationsPage, type OrchestrationQuery } from "./orchestrations-endpoint.js";
import type { Orchestration } from "./orchestration.js";
import { RequestPacer } from "./pacer.js";
import type { OrchestrationStats } from "./stats.js";
import { orchestrationStatsUrl, parseOrchestrationStats, type StatsQuery } from "./stats-endpoint.js";
import { pages, type Page } from "./pages.js";
import { createRedactor, type Redactor } from "./redact.js";
import { aborted, getJson, type RequestContext, type RequestSpec } from "./request.js";
import { requestKey, SharedGets } from "./shared-gets.js";
import { DEFAULT_RETRY_POLICY } from "./retry.js";
import { undiciTransport, type Transport } from "./transport.js";
import { silentLogger, type Logger } from "../log.js";

export interface BatchClientOptions {
  restApiKey?: string;
  projectKey?: string;
  apiKey?: string;
  baseUrl: string;
  apiVersion: string;
  rateLimit: number;
  timeoutMs: number;
  retryBaseDelayMs: number;
  /** Least wait after a v1.1 429 (default 5 s, as Batch asks). */
  inappRateLimitWaitMs?: number;
  transport?: Transport;
  log?: Logger;
  /** Share identical GETs in flight, and keep list pages for `keepPagesMs` (a server for
   *  many users); off by default. */
  sharing?: { keepPagesMs: number };
}

export const PLATFORMS_REFUSED =
  "Batch refused include_platforms (HTTP 400), so per-platform figures are unavailable; the totals were fetched without it.";

export class BatchClient {
  /** Hides the option keys and every API key handed to a call so far. */
  readonly redact: Redactor = (text) => this.redactor(text);
  private readonly secrets: Array<string | undefined>;
  private redactor: Redactor;
  private readonly ctx: RequestContext;
  private readonly shared: SharedGets | undefined;

  constructor(private readonly options: BatchClientOptions) {
    this.secrets = [options.restApiKey, options.apiKey];
    this.redactor = createRedactor(this.secrets);
    this.ctx = {
      transport: options.transport ?? undiciTransport,
      pacer: new RequestPacer(options.rateLimit),
      policy: {
        ...DEFAULT_RETRY_POLICY,
        baseDelayMs: options.retryBaseDelayMs,
        v1RateLimitWaitMs: options.inappRateLimitWaitMs ?? DEFAULT_RETRY_POLICY.v1RateLimitWaitMs,
      },
      timeoutMs: options.timeoutMs,
      redact: this.redact,
      log: options.log ?? silentLogger,
    };
    this.shared = options.sharing && new SharedGets(options.sharing.keepPagesMs);
  }

  /** getJson, shared with identical requests when sharing is on. `keep`: a list page. */
  private get(spec: RequestSpec, keep: boolean, signal?: AbortSignal): Promise<unknown> {
    if (!this.shared) return getJson(spec, this.ctx, signal);
    return this.shared.get(requestKey(spec.url, spec.headers), keep, signal, (s) => getJson(spec, this.ctx, s), () => aborted(spec));
  }

  /** One page of orchestrations from `position` (a `next_from` cursor; undefined = first page). */
  async orchestrationsPage(
    query: OrchestrationQuery,
    position: string | undefined,
    signal?: AbortSignal,
    projectKey?: string,
  ): Promise<Page<Orchestration>> {
    const get = this.v2Getter("list orchestrations", projectKey, true);
    const body = await get(orchestrationsListUrl(this.options.baseUrl, this.options.apiVersion, query, position), signal);
    return parseOrchestrationsPage(body, position);
  }

  orchestrationPages(query: OrchestrationQuery, start?: string, signal?: AbortSignal, projectKey?: string) {
    return pages((position, s) => this.orchestrationsPage(query, position, s, projectKey), start, signal);
  }

  /** Daily statistics of one orchestration over [from, to], parsed tolerantly. */
  async orchestrationStats(query: StatsQuery, signal?: AbortSignal, projectKey?: string): Promise<OrchestrationStats> {
    const get = this.v2Getter("get orchestration stats", projectKey);
    // Errors name the id, so an unknown one can be reported as such.
    const subject = { noun: "orchestration", id: this.redact(query.orchestrationId) };
    const getStats = (q: StatsQuery) =>
      get(orchestrationStatsUrl(this.options.baseUrl, this.options.apiVersion, q), signal)
        .then(parseOrchestrationStats)
        .catch((e: unknown) => {
          throw e instanceof BatchApiError ? e.with({ subject }) : e;
        });
    if (!query.includePlatforms) return getStats(query);
    try {
      return await getStats(query);
    } catch (e) {
      // include_platforms is not on Batch's own pages: if Batch refuses it, ask once more without it.
      if (!(e instanceof BatchApiError && e.status === 400)) throw e;
      this.ctx.log("warn", `get orchestration stats: Batch answered 400 with include_platforms=true; retrying without it`);
      const stats = await getStats({ ...query, includePlatforms: false });
      return { ...stats, warnings: [...stats.warnings, PLATFORMS_REFUSED] };
    }
  }

  /**
   * The copy of a one-time push campaign (the view route, called with version 2.11 or the
   * configured one if later). Errors carry a `reason`: "not_push" (another kind of
   * orchestration), "unknown_id", or "route_missing" (the API version lacks the route; such an
   * error names no subject, since the id was never judged).
   */
  async orchestrationContent(orchestrationId: string, signal?: AbortSignal, projectKey?: string): Promise<CampaignContent> {
    const get = this.v2Getter(VIEW_OPERATION, projectKey);
    const subject = { noun: "orchestration", id: this.redact(orchestrationId) };
    try {
      const body = await get(orchestrationViewUrl(this.options.baseUrl, this.options.apiVersion, orchestrationId), signal);
      return parseOrchestrationContent(body, orchestrationId);
    } catch (e) {
      if (!(e instanceof BatchApiError)) throw e;
      const reason = viewErrorReason(e);
      throw e.with({ ...(reason !== "route_missing" && { subject }), ...(reason && { reason }) });
    }
  }

  /** The copy of an in-app campaign: its `landing`, from the GET by token. */
  async inappCampaignContent(token: string, signal?: AbortSignal): Promise<CampaignContent> {
    return inappContent(await this.inappCampaign(token, signal));
  }

  /** GET for the 2.x API: checks the keys first, then authenticates and paces by project key. */
  private v2Getter(operation: string, projectKey: string | undefined, keep = false): (url: URL, signal?: AbortSignal) => Promise<unknown> {
    const restKey = this.require("v2", operation, "BATCH_REST_API_KEY", this.options.restApiKey);
    const project = this.require("v2", operation, "BATCH_PROJECT_KEY", projectKey ?? this.options.projectKey);
    const headers = { authorization: `Bearer ${restKey}`, "x-batch-project": project };
    return (url, signal) => this.get({ api: "v2", operation, url, headers, paceKey: project }, keep, signal);
  }

  /** One page of in-app campaigns from an offset position (undefined = the first page).
   *  `apiKey`: the app's, when not the option's (one client, several apps). */
  async inappCampaignsPage(query: InappQuery, position: string | undefined, signal?: AbortSignal, apiKey?: string): Promise<Page<InappCampaign>> {
    const offset = offsetOf(position);
    const { url, headers } = this.v1("list in-app campaigns", apiKey, (key) => inappListUrl(this.options.baseUrl, key, query, offset));
    const body = await this.get({ api: "v1.1", operation: "list in-app campaigns", url, headers }, true, signal);
    return parseInappPage(body, offset);
  }

  /** Pages in API order, up to `concurrency` fetched at once (offset paging allows it). */
  inappCampaignPages(
    query: InappQuery,
    start: string | undefined,
    signal: AbortSignal | undefined,
    parallel: { concurrency: number; pagesWanted: number },
    apiKey?: string,
  ) {
    return offsetPages({
      fetchAt: (offset, s) => this.inappCampaignsPage(query, positionOf(offset), s, apiKey),
      start: offsetOf(start),
      pageSize: INAPP_PAGE_SIZE,
      concurrency: parallel.concurrency,
      pagesWanted: parallel.pagesWanted,
      signal,
    });
  }

  /** GET one in-app campaign by token: everything Batch knows about it. */
  async inappCampaign(token: string, signal?: AbortSignal, apiKey?: string): Promise<InappCampaign> {
    const operation = "get in-app campaign";
    const { url, headers } = this.v1(operation, apiKey, (key) => inappCampaignUrl(this.options.baseUrl, key, token));
    const body = await this.get({ api: "v1.1", operation, url, headers }, false, signal);
    return parseInappCampaignBody(body, token);
  }

  // v1.1 authenticates with the REST key in X-Authorization and the API key in the path.
  private v1(operation: string, callKey: string | undefined, url: (apiKey: string) => URL): { url: URL; headers: Record<string, string> } {
    const restKey = this.require("v1.1", operation, "BATCH_REST_API_KEY", this.options.restApiKey);
    const apiKey = this.require("v1.1", operation, "BATCH_API_KEY", callKey ?? this.options.apiKey);
    this.learnSecret(apiKey);
    return { url: url(apiKey), headers: { "x-authorization": restKey } };
  }

  /** A key handed to a call is redacted from then on, like the option keys. */
  private learnSecret(key: string): void {
    if (this.secrets.includes(key)) return;
    this.secrets.push(key);
    this.redactor = createRedactor(this.secrets);
  }

  private require(api: BatchApiVersion, operation: string, variable: string, value: string | undefined): string {
    if (value) return value;
    throw new BatchApiError({ kind: "missing-config", api, operation, retryable: false, variable });
  }
}
