// A workspace: what the server knows for one project (its Batch client, caches, handles,
// kept pages) and shares among tools, resources and prompts for the life of the process.
// Each project has its own (src/workspace/workspaces.ts), built by create-services.ts.

import type { BatchClient } from "../batch/client.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { ProjectConfig } from "../projects/index.js";
import type { Handles } from "./state/handles.js";
import type { ResumePages } from "./state/resume-pages.js";
import type { ItemCache } from "./state/item-cache.js";
import type { StatsCache } from "./state/stats-cache.js";
import type { StatsPrefetch } from "./state/stats-prefetch.js";
import type { ContentCache } from "./state/content-cache.js";
import type { ContentPrefetch } from "./state/content-prefetch.js";
import type { Workspaces } from "./workspaces.js";

export interface Services {
  config: Config;
  /** This project's client: its REST key, its project key, its pacing. */
  client: BatchClient;
  log: Logger;
  /** The project this workspace answers for: name, keys, apps. */
  project: ProjectConfig;
  /** What its items' URIs start with: `batch://` for the default project, `batch://projects/{name}/` for the others. */
  uriBase: string;
  /** Raw objects of listed items, behind the resources. */
  cache: ItemCache;
  /** Short handles of every id seen, per kind. */
  handles: Handles;
  /** The page each listing cut mid-page stopped in, for its cursor. */
  resumePages: ResumePages;
  /** Parsed stats per (project, id, range), shared by every stats reader. */
  stats: StatsCache;
  /** Fills the stats cache in the background when a prompt ran out of time. */
  prefetch: StatsPrefetch;
  /** Campaign copy per (kind, project, id), shared by get_campaign_content, its resource and the copy audit. */
  contents: ContentCache;
  /** Fills the content cache in the background when a copy audit ran out of time. */
  contentPrefetch: ContentPrefetch;
  /** Every project's workspace, this one's included. */
  workspaces: Workspaces;
}
