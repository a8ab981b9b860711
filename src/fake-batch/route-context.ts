// What every route handler receives. Handlers are synchronous and pure over the state:
// the server owns timing (latency, delays) and transport faults.

import type { IncomingHttpHeaders } from "node:http";
import type { FakeState } from "./state.js";
import type { PageFaultKind } from "./types.js";

export interface RouteContext {
  state: FakeState;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Path segments captured by the router, e.g. apiKey and token on v1.1 routes. */
  params: Record<string, string>;
  /** A scripted fault that bends a normal list page (ignored where it makes no sense). */
  pageFault?: PageFaultKind;
}
