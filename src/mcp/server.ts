// Builds the MCP server: tools, resources and prompts over the workspace (src/workspace/create-services.ts).

import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { registerPrompts } from "./prompts/registry.js";
import { registerResources } from "./resources/registry.js";
import type { Services } from "../workspace/services.js";
import { lazyJsonSchemaValidator } from "./lazy-validator.js";
import { tools } from "./tools/registry.js";

export const SERVER_NAME = "batch-mcp";
export const SERVER_VERSION = "0.1.0";

const INSTRUCTIONS =
  "Read-only access to a Batch.com project's campaigns. Use list_orchestrations for push/email/SMS campaigns, recurring sends and trigger automations, " +
  "and list_inapp_campaigns for the app's in-app messages (Batch's v1.1 In-App API). " +
  "Results are capped (and sized to fit your context); when a result has a cursor, call the same tool with it to continue. " +
  "To count rather than list (\"how many ... this year?\"), pass totals_only: true. " +
  "Text names items by short handles (like i4geuqvb): pass a handle wherever an id is asked for, in tools and batch:// URIs. " +
  "Use get_orchestration_stats for how one orchestration performed (sends, opens, clicks, rates, A/B verdict), " +
  "and compare_orchestrations to rank several on one metric (one call instead of one stats call each). " +
  "Every listed item is a resource (batch://orchestrations/{id}, batch://inapp-campaigns/{token}) holding the full object Batch returned. " +
  "The audit_campaigns prompt runs a rule-based audit of both.";

export function buildServer(services: Services): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { instructions: INSTRUCTIONS, jsonSchemaValidator: lazyJsonSchemaValidator() });
  for (const tool of tools) tool.register(server, services);
  registerResources(server, services);
  registerPrompts(server, services);
  return server;
}
