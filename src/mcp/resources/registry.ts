// Every resource template the server offers, plus the paged resources/list and the
// list-changed notifications they share. Adding a kind is one entry here.

import type { Speaker } from "../speaker.js";
import type { Services } from "../../workspace/services.js";
import { inappTemplate } from "./inapp-campaigns.js";
import { notifyListChanged } from "./list-changed.js";
import { serveResourceList } from "./list.js";
import { registerStatsResource } from "./orchestration-stats.js";
import { registerContentResource } from "./orchestration-content.js";
import { orchestrationTemplate } from "./orchestrations.js";
import type { RegisterableTemplate } from "./template.js";
import { registerViewResources } from "../views/resources.js";

export const templates: RegisterableTemplate[] = [orchestrationTemplate, inappTemplate];

export function registerResources(speaker: Speaker, services: Services): void {
  const { server } = speaker;
  for (const t of templates) t.register(speaker, services);
  registerStatsResource(speaker, services);
  registerContentResource(speaker, services);
  serveResourceList(server, services.cache, Object.fromEntries(templates.map((t) => [t.kind, t.title])));
  notifyListChanged(server, services.cache, services.log);
  registerViewResources(server);
}
