// Remote mode's limits on slow clients: headers and the whole request must arrive within a
// few seconds however slowly they trickle in, while a slow answer (a long tool call) is
// never cut. Shown with small limits on the same server factory; the real ones are checked.

import type { Server } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { httpServer, TIMEOUTS } from "../../src/http/serve.js";

const SMALL = { headersTimeout: 300, requestTimeout: 900, keepAliveTimeout: 1_000, connectionsCheckingInterval: 50 };

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** Answers after `answerMs`, once the body is in. */
function start(answerMs: number): Promise<number> {
  server = httpServer((req, res) => {
    req.resume();
    req.on("end", () => setTimeout(() => res.end("ok"), answerMs));
  }, SMALL);
  const listening = server;
  return new Promise((resolve) => listening.listen(0, "127.0.0.1", () => resolve((listening.address() as { port: number }).port)));
}

/** Writes `first`, then `drip` every 50 ms; resolves with what came back and how long the connection lasted. */
function client(port: number, first: string, drip = ""): Promise<{ reply: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const socket = connect(port, "127.0.0.1", () => socket.write(first));
    const timer = drip ? setInterval(() => socket.write(drip), 50) : undefined;
    let reply = "";
    socket.on("data", (chunk: Buffer) => (reply += chunk.toString("utf8")));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ reply, ms: Date.now() - t0 });
    });
  });
}

describe("limits on slow clients", () => {
  it("gives a client 10 s for its headers and 30 s for its whole request, checked every second, and keeps idle connections past load balancers' 60 s", () => {
    expect(TIMEOUTS).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 65_000, connectionsCheckingInterval: 1_000 });
  });

  it("answers 408 and closes when the headers trickle in past the headers limit", async () => {
    const port = await start(0);
    const { reply, ms } = await client(port, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n", "X-Slow: 1\r\n");
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeLessThan(SMALL.requestTimeout);
  });

  it("answers 408 and closes when the body trickles in past the request limit", async () => {
    const port = await start(0);
    const { reply, ms } = await client(port, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n", "x");
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(SMALL.requestTimeout);
  });

  it("closes a connection that never sends a byte", async () => {
    const port = await start(0);
    const { reply, ms } = await client(port, "");
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeLessThan(SMALL.requestTimeout);
  });

  it("lets an answer take longer than the request limit once the request is in", async () => {
    const port = await start(SMALL.requestTimeout + 300);
    const { reply } = await client(port, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    expect(reply).toMatch(/^HTTP\/1\.1 200 [\s\S]*ok$/);
  });
});
