// The HTTP side: node:http on 127.0.0.1 with a random port. Per request it records,
// takes the scripted fault (at arrival, so arrival order decides), waits the latency,
// then answers, hangs or resets. close() destroys every socket so it never hangs.

import { setMaxListeners } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { Reply } from "./errors.js";
import { FaultQueue, resolveFault } from "./faults.js";
import { flattenHeaders, queryRecord, Recorder } from "./recorder.js";
import { matchRoute } from "./router.js";
import { FakeState } from "./state.js";
import type { FakeBatch, FakeBatchOptions, PageFaultKind } from "./types.js";

function send(res: ServerResponse, reply: Reply, truncate = false): void {
  const isText = typeof reply.body === "string";
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.statusCode = reply.status;
  // A string body fakes a proxy's HTML page; a truncated one still claims to be JSON.
  res.setHeader("content-type", isText && !truncate ? "text/html; charset=utf-8" : "application/json");
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  // Truncation keeps HTTP framing valid (content-length matches what is sent): only the
  // JSON is cut, which is what a client's parser must survive.
  res.end(truncate ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : text);
}

export async function startFakeBatch(options: FakeBatchOptions = {}): Promise<FakeBatch> {
  const state = new FakeState(options);
  const faults = new FaultQueue();
  const recorder = new Recorder();
  const closing = new AbortController();
  // Every request's latency sleep listens to it: many apps' pages at once exceed Node's 10.
  setMaxListeners(0, closing.signal);
  const sockets = new Set<Socket>();

  // Sleeps end early (rejecting) when the server closes, so no timer outlives it.
  const wait = async (ms: number): Promise<void> => {
    if (ms > 0) await sleep(ms, undefined, { signal: closing.signal });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.resume(); // drain any body so keep-alive connections stay usable
    const rawUrl = req.url ?? "/";
    const cut = rawUrl.indexOf("?");
    const path = cut === -1 ? rawUrl : rawUrl.slice(0, cut);
    const query = new URLSearchParams(cut === -1 ? "" : rawUrl.slice(cut + 1));
    const method = req.method ?? "GET";
    const match = matchRoute(method, path);
    const record = recorder.begin({
      route: match.route,
      method,
      path,
      query: queryRecord(query),
      headers: flattenHeaders(req.headers),
    });
    res.once("close", () => recorder.end(record));
    const fault = faults.take(match.route, query);
    const serve = (pageFault?: PageFaultKind): Reply =>
      match.handle({ state, query, headers: req.headers, params: match.params, ...(pageFault && { pageFault }) });

    try {
      await wait(state.latencyMs);
      const outcome = await resolveFault(fault, match.style, serve, wait);
      if (outcome.kind === "hang") return; // close() destroys the socket
      if (outcome.kind === "reset") {
        req.socket.destroy();
        return;
      }
      send(res, outcome.reply, outcome.truncate);
    } catch (error) {
      if (closing.signal.aborted) return;
      // A bug in the fake must show up as a loud 500, not as a hanging test.
      if (!res.headersSent) {
        send(res, { status: 500, body: { error_message: `fake-batch internal error: ${String(error)}`, error_code: "FAKE_BUG" } });
      }
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return recorder.requests;
    },
    get maxConcurrent() {
      return recorder.maxConcurrent;
    },
    script: (...scripted) => faults.add(...scripted),
    setOrchestrations: (items, projectKey) => state.setOrchestrations(items, projectKey),
    setInappCampaigns: (items, apiKey) => state.setInappCampaigns(items, apiKey),
    setStats: (id, body, projectKey) => state.setStats(id, body, projectKey),
    setContent: (id, content) => {
      state.contents.set(id, content);
    },
    setLatency: (ms) => state.setLatency(ms),
    clearRequests: () => recorder.clear(),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      })),
  };
}
