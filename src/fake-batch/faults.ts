// Per-request fault scripting: which request gets which fault (FaultQueue), and what a
// fault turns the response into (resolveFault). Transport itself stays in server.ts.

import { errorReply, type ErrorStyle, type Reply } from "./errors.js";
import type { Fault, PageFaultKind, RouteName, ScriptedFault } from "./types.js";

interface Pending {
  route: RouteName | undefined;
  query: Record<string, string> | undefined;
  /** Matching requests still to let through before this fault starts applying. */
  skip: number;
  /** Matching requests still to receive it. */
  remaining: number;
  fault: Fault;
}

function positiveInt(value: number | undefined, name: string): number {
  const n = value ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return n;
}

function checkFault(fault: Fault): void {
  if (fault.kind === "status" && !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)) {
    throw new RangeError(`status fault needs an HTTP status 200..599, got ${fault.status}`);
  }
  if (fault.kind === "delay" && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
    throw new RangeError(`delay fault needs ms >= 0, got ${fault.ms}`);
  }
}

export class FaultQueue {
  private pending: Pending[] = [];

  /** All or nothing: one invalid fault throws and none of the batch is queued. */
  add(...scripted: ScriptedFault[]): void {
    const checked = scripted.map((s): Pending => {
      checkFault(s.fault);
      return { route: s.route, query: s.query, skip: positiveInt(s.nth, "nth") - 1, remaining: positiveInt(s.times, "times"), fault: s.fault };
    });
    this.pending.push(...checked);
  }

  /**
   * Called once per request, at arrival, so arrival order decides. Every pending fault
   * counts the matching requests for its own `nth`; when two faults are due on the same
   * request the earlier-scripted one wins and the other waits for the next matching
   * request. So `script(a, b)` on one route gives a, then b: a queue.
   */
  take(route: RouteName | "unknown", query: URLSearchParams = new URLSearchParams()): Fault | undefined {
    let chosen: Fault | undefined;
    for (const p of this.pending) {
      if (p.route !== undefined && p.route !== route) continue;
      if (p.query && Object.entries(p.query).some(([k, v]) => query.get(k) !== v)) continue;
      if (p.skip > 0) {
        p.skip--;
      } else if (chosen === undefined) {
        chosen = p.fault;
        p.remaining--;
      }
    }
    this.pending = this.pending.filter((p) => p.remaining > 0);
    return chosen;
  }
}

export type Outcome = { kind: "reply"; reply: Reply; truncate?: boolean } | { kind: "hang" } | { kind: "reset" };

const HTML_PAGE =
  "<!DOCTYPE html><html><head><title>Batch</title></head><body><h1>Welcome</h1><p>This is not JSON.</p></body></html>";

/**
 * What the response becomes under `fault`. `serve` runs the real route (optionally with a
 * page-bending fault); `wait` is the server's abortable sleep.
 */
export async function resolveFault(
  fault: Fault | undefined,
  style: ErrorStyle,
  serve: (pageFault?: PageFaultKind) => Reply,
  wait: (ms: number) => Promise<void>,
): Promise<Outcome> {
  if (fault === undefined) return { kind: "reply", reply: serve() };
  switch (fault.kind) {
    case "status": {
      const body = fault.body ?? errorReply(style, fault.status).body;
      return { kind: "reply", reply: { status: fault.status, body, ...(fault.headers && { headers: fault.headers }) } };
    }
    case "delay":
      await wait(fault.ms);
      return { kind: "reply", reply: serve() };
    case "hang":
    case "reset":
      return { kind: fault.kind };
    case "non-json":
      return { kind: "reply", reply: { status: 200, body: HTML_PAGE } };
    case "truncated":
      return { kind: "reply", reply: { ...serve(), status: 200 }, truncate: true };
    case "wrong-shape":
      return { kind: "reply", reply: { status: 200, body: { foo: 1 } } };
    case "repeat-cursor":
    case "has-more-no-next":
    case "oversized-page":
      return { kind: "reply", reply: serve(fault.kind) };
  }
}
