// Every resource template the server offers, plus the paged resources/list and the
// list-changed notifications they share, over the projects the caller may see. Adding a
// kind is one entry here.

import type { Speaker } from "../speaker.js";
import type { Services } from "../../workspace/services.js";
import type { CachedItem } from "../../workspace/state/item-cache.js";
import { inappTemplate } from "./inapp-campaigns.js";
import { notifyListChanged } from "./list-changed.js";
import { serveResourceList, type CachedItems } from "./list.js";
import { registerStatsResource } from "./orchestration-stats.js";
import { registerContentResource } from "./orchestration-content.js";
import { orchestrationTemplate } from "./orchestrations.js";
import type { RegisterableTemplate } from "./template.js";
import { registerViewResources } from "../views/resources.js";

export const templates: RegisterableTemplate[] = [orchestrationTemplate, inappTemplate];

/** The items of every project the caller may see, as one cache: newest first across them. */
function visibleItems({ grant }: Speaker, services: Services): CachedItems {
  return {
    newestFirst(): CachedItem[] {
      const [only, ...others] = services.workspaces.visible(grant);
      if (!only) return [];
      if (others.length === 0) return only.cache.newestFirst();
      return [only, ...others].flatMap((w) => w.cache.newestFirst()).sort((a, b) => b.seq - a.seq);
    },
  };
}

export function registerResources(speaker: Speaker, services: Services): void {
  const { server, grant } = speaker;
  for (const t of templates) t.register(speaker, services);
  registerStatsResource(speaker, services);
  registerContentResource(speaker, services);
  serveResourceList(server, visibleItems(speaker, services), Object.fromEntries(templates.map((t) => [t.kind, t.title])));
  notifyListChanged(server, (listener) => services.workspaces.onAdded(listener, grant), services.log);
  registerViewResources(server);
}
