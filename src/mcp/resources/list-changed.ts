// notifications/resources/list_changed when new items enter the cache. One listing adds
// up to thousands of items at once, so notifications are debounced into one, sent after
// the call that cached them has answered.

import type { McpServer } from "@modelcontextprotocol/server";
import type { Logger } from "../../log.js";

export const LIST_CHANGED_DEBOUNCE_MS = 100;

/** `onAdded`: subscribes to new items (of the projects this server's caller may see); returns how to stop. */
export function notifyListChanged(server: McpServer, onAdded: (listener: () => void) => () => void, log: Logger, delayMs = LIST_CHANGED_DEBOUNCE_MS): void {
  let timer: NodeJS.Timeout | undefined;
  // The caches outlive a server in remote mode (one server per request): stop listening
  // when this one closes, or every request would leave a listener (and its server) behind.
  const stop = onAdded(() => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      // isConnected: nothing to tell before a client is there. The SDK declared the
      // listChanged capability when the templates were registered; it refuses otherwise.
      if (!server.isConnected()) return;
      server.server.sendResourceListChanged().catch((error: unknown) => log("warn", `resource list_changed not sent: ${String(error)}`));
    }, delayMs);
    timer.unref();
  });
  const previous = server.server.onclose;
  server.server.onclose = () => {
    stop();
    if (timer) clearTimeout(timer);
    previous?.();
  };
}
