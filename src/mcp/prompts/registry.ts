// Every prompt the server offers. Adding a prompt is one import and one entry here.

import type { Speaker } from "../speaker.js";
import type { Services } from "../../workspace/services.js";
import { registerAuditPrompt } from "./audit-campaigns.js";

const prompts: Array<(speaker: Speaker, services: Services) => void> = [registerAuditPrompt];

export function registerPrompts(speaker: Speaker, services: Services): void {
  for (const register of prompts) register(speaker, services);
}
