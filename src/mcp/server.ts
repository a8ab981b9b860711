// Builds the MCP server: tools, resources and prompts over the workspace (src/workspace/create-services.ts).

import { McpServer, type McpServerOptions } from "@modelcontextprotocol/server";
import type { Era, Speaker } from "./speaker.js";
import { registerPrompts } from "./prompts/registry.js";
import { registerResources } from "./resources/registry.js";
import type { Services } from "../workspace/services.js";
import { tools } from "./tools/registry.js";
import { BATCH_ICON } from "./icon.js";
import { ALL_PROJECTS, type Grant } from "../projects/index.js";

export const SERVER_NAME = "batch-mcp";
export const SERVER_VERSION = "0.1.0";

/** Who this server is, for clients and the MCP Registry (server.json names the same). */
export const SERVER_INFO = {
  name: SERVER_NAME,
  version: SERVER_VERSION,
  title: "Batch campaigns",
  description: "Read-only access to a Batch.com project's campaigns: list, read statistics, compare and audit them.",
  websiteUrl: "https://www.npmjs.com/package/batch-mcp",
  icons: [{ src: BATCH_ICON, mimeType: "image/svg+xml", sizes: ["any"] }],
};

const INSTRUCTIONS =
  "Read-only access to a Batch.com project's campaigns. Use list_orchestrations for push/email/SMS campaigns, recurring sends and trigger automations, " +
  "and list_inapp_campaigns for the app's in-app messages (Batch's v1.1 In-App API). " +
  "Results are capped (and sized to fit your context); when a result has a cursor, call the same tool with it to continue. " +
  "To count rather than list (\"how many ... this year?\"), pass totals_only: true. " +
  "Text names items by short handles (like i4geuqvb): pass a handle wherever an id is asked for, in tools and batch:// URIs. " +
  "Use get_orchestration_stats for how one orchestration performed (sends, opens, clicks, rates, A/B verdict), " +
  "and compare_orchestrations to rank several on one metric (one call instead of one stats call each). " +
  "Use get_campaign_content for what a one-time push campaign or an in-app campaign says (title, body, links, buttons, tags, per language); Batch's API has no copy for email, SMS, recurring or trigger orchestrations. " +
  "Every listed item is a resource (batch://orchestrations/{id}, batch://inapp-campaigns/{token}) holding the full object Batch returned. " +
  "The audit_campaigns prompt runs a rule-based audit of both (with performance: \"true\" and content: \"true\" it also judges statistics and copy).";

/** Said too when projects have names (BATCH_MCP_CONFIG, demo mode). */
const PROJECTS_INSTRUCTIONS =
  " This server answers for several Batch projects: list_projects names those you can use and their apps. " +
  "Pass `project` (a name) to any tool, and `app` to list_inapp_campaigns for one app; without them a call is about the default project and all its apps. " +
  "Another project's items are resources under batch://projects/{project}/.";

const DAY_MS = 24 * 60 * 60_000;

/** Honest cache hints for the 2026-07-28 era (the SDK sends none to handshake-era clients).
 *  Tools, prompts and templates are the same for every caller for the life of the process;
 *  resources/list depends on what this workspace has listed, so it is private and short. */
export const CACHE_HINTS = {
  "tools/list": { ttlMs: DAY_MS, cacheScope: "public" },
  "prompts/list": { ttlMs: DAY_MS, cacheScope: "public" },
  "resources/templates/list": { ttlMs: DAY_MS, cacheScope: "public" },
  "resources/list": { ttlMs: 30_000, cacheScope: "private" },
} as const satisfies McpServerOptions["cacheHints"];

/** One server instance for one caller: `grant` says which projects they may use (every one
 *  over stdio; over HTTP, those their token allows). `services`: the default project's
 *  workspace, whose `workspaces` holds every project's. */
export function buildServer(services: Services, era: Era = "legacy", grant: Grant = ALL_PROJECTS): McpServer {
  const server = new McpServer(SERVER_INFO, {
    instructions: services.config.namedProjects ? INSTRUCTIONS + PROJECTS_INSTRUCTIONS : INSTRUCTIONS,
    cacheHints: CACHE_HINTS,
    // The tool and prompt lists never change while the process runs; the resource list does.
    capabilities: { tools: { listChanged: false }, prompts: { listChanged: false }, resources: { listChanged: true } },
  });
  const speaker: Speaker = { server, era, grant };
  for (const tool of tools) tool.register(speaker, services);
  registerResources(speaker, services);
  registerPrompts(speaker, services);
  return server;
}
