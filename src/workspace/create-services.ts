// Builds the workspaces: one per project, each with its own Batch client and state, made
// on first use and shared by every tool, resource and prompt for the life of the process.
// Remote mode builds them once for all its requests, so every user shares one client, pacer
// and cache per project, as on stdio.

import { BatchClient, type BatchClientOptions } from "../batch/client.js";
import { createRedactor } from "../batch/redact.js";
import { configSecrets, type Config } from "../config.js";
import { demoConfig, demoTransport } from "../demo-mode.js";
import { createStderrLogger, type Logger } from "../log.js";
import { Handles } from "./state/handles.js";
import { counter, ItemCache } from "./state/item-cache.js";
import { ResumePages } from "./state/resume-pages.js";
import type { Services } from "./services.js";
import { StatsCache } from "./state/stats-cache.js";
import { StatsPrefetch } from "./state/stats-prefetch.js";
import { ContentCache } from "./state/content-cache.js";
import { ContentPrefetch } from "./state/content-prefetch.js";
import { Workspaces, type BuildWorkspace } from "./workspaces.js";

/**
 * The default project's workspace; `.workspaces` holds every project's. One Batch client per
 * project: its own REST key, and its own pacing (Batch's quota is per project key).
 * `sharing`: for a server many users call at once (remote mode); see BatchClientOptions.
 */
export function createServices(userConfig: Config, log?: Logger, sharing?: BatchClientOptions["sharing"]): Services {
  const config = userConfig.demo ? demoConfig(userConfig) : userConfig;
  // The user's keys stay hidden even in demo mode, which does not use them.
  const redact = createRedactor([...configSecrets(userConfig), ...configSecrets(config)]);
  const logger = log ?? createStderrLogger(redact);
  // Demo mode: one sample workspace, started on the first request, serves every project.
  const transport = config.demo ? demoTransport() : undefined;
  // One sequence for every project's cache: resources/list orders them together.
  const sequence = counter();
  const build: BuildWorkspace = (project, uriBase, workspaces) => {
    const client = new BatchClient({
      ...config,
      restApiKey: project.restApiKey,
      projectKey: project.projectKey,
      apiKey: project.apps[0]?.apiKey,
      log: logger,
      ...(transport && { transport }),
      ...(sharing && { sharing }),
    });
    const stats = new StatsCache((query, signal, projectKey) => client.orchestrationStats(query, signal, projectKey), { defaultProjectKey: project.projectKey });
    const contents = new ContentCache();
    return {
      config,
      client,
      log: logger,
      project,
      uriBase,
      cache: new ItemCache({ sequence }),
      handles: new Handles(),
      resumePages: new ResumePages(),
      stats,
      prefetch: new StatsPrefetch(stats, logger),
      contents,
      contentPrefetch: new ContentPrefetch(contents, logger),
      workspaces,
    };
  };
  return new Workspaces(config, logger, redact, build).default;
}
