// Builds the workspace: one Batch client and the state every tool, resource and prompt
// shares, for the life of the process. Remote mode builds it once for all its requests,
// so every user shares one client, pacer and cache per project key, as on stdio.

import { BatchClient, type BatchClientOptions } from "../batch/client.js";
import { createRedactor } from "../batch/redact.js";
import type { Config } from "../config.js";
import { demoConfig, demoTransport } from "../demo-mode.js";
import { createStderrLogger, type Logger } from "../log.js";
import { Handles } from "./state/handles.js";
import { ItemCache } from "./state/item-cache.js";
import { ResumePages } from "./state/resume-pages.js";
import type { Services } from "./services.js";
import { StatsCache } from "./state/stats-cache.js";
import { StatsPrefetch } from "./state/stats-prefetch.js";
import { ContentCache } from "./state/content-cache.js";
import { ContentPrefetch } from "./state/content-prefetch.js";

/** `sharing`: for a server many users call at once (remote mode); see BatchClientOptions. */
export function createServices(userConfig: Config, log?: Logger, sharing?: BatchClientOptions["sharing"]): Services {
  const logger = log ?? createStderrLogger(createRedactor([userConfig.restApiKey, userConfig.apiKey]));
  const config = userConfig.demo ? demoConfig(userConfig) : userConfig;
  const client = new BatchClient({ ...config, log: logger, ...(config.demo && { transport: demoTransport() }), ...(sharing && { sharing }) });
  const stats = new StatsCache((query, signal, projectKey) => client.orchestrationStats(query, signal, projectKey), { defaultProjectKey: config.projectKey });
  const contents = new ContentCache();
  return { config, client, log: logger, cache: new ItemCache(), handles: new Handles(), resumePages: new ResumePages(), stats, prefetch: new StatsPrefetch(stats, logger), contents, contentPrefetch: new ContentPrefetch(contents, logger) };
}
