// Every prompt the server offers. Adding a prompt is one import and one entry here.

import type { McpServer } from "@modelcontextprotocol/server";
import type { Services } from "../../workspace/services.js";
import { registerAuditPrompt } from "./audit-campaigns.js";

const prompts: Array<(server: McpServer, services: Services) => void> = [registerAuditPrompt];

export function registerPrompts(server: McpServer, services: Services): void {
  for (const register of prompts) register(server, services);
}
