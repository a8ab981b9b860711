// Every tool the server offers. Adding a tool is one import and one entry here.

import type { RegisterableTool } from "../tool-definition.js";
import { compareOrchestrations } from "./compare-orchestrations.js";
import { getCampaignContent } from "./get-campaign-content.js";
import { getOrchestrationStats } from "./get-orchestration-stats.js";
import { listInappCampaigns } from "./list-inapp-campaigns.js";
import { listOrchestrations } from "./list-orchestrations.js";
import { listProjects } from "./list-projects.js";

export const tools: RegisterableTool[] = [listOrchestrations, listInappCampaigns, getOrchestrationStats, compareOrchestrations, getCampaignContent, listProjects];
