// The copy audit, continued in the background: copy it could not read within its time budget
// is fetched into the content cache for the next audit (background-fetch.ts).

import type { Logger } from "../../log.js";
import { BACKGROUND_QUEUE_MAX, BackgroundFetch } from "./background-fetch.js";
import { contentKeyText, type ContentCache, type ContentKey, type ContentLoader } from "./content-cache.js";

export interface ContentJob {
  key: ContentKey;
  load: ContentLoader;
}

export const CONTENT_PREFETCH_QUEUE_MAX = BACKGROUND_QUEUE_MAX;

export class ContentPrefetch extends BackgroundFetch<ContentJob> {
  constructor(contents: ContentCache, log: Logger) {
    super(
      {
        key: (j) => contentKeyText(j.key),
        cached: (j) => contents.peek(j.key) !== undefined,
        fetch: (j, signal) => contents.get(j.key, j.load, signal),
        describe: (j) => `content fetch of ${j.key.id}`,
      },
      log,
    );
  }
}
