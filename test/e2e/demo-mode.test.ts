// Demo mode end to end: the server serves the sample workspace itself, says so in every
// tool result, and connects to nothing but its own in-process server on 127.0.0.1.

import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { expectNoSecrets, startSession, textOf, type Session } from "./harness.js";

const RECORD_CONNECTIONS = fileURLToPath(new URL("./fixtures/record-connections.cjs", import.meta.url));
const NOTICE = /^Demo mode: this is sample data from a fictional workspace/;

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Hosts the server opened TCP connections to, from the preloaded recorder's lines. */
function connections(stderr: string): string[] {
  return [...stderr.matchAll(/\[record-connections\] connect (\S+)/g)].map((m) => m[1] ?? "");
}

describe("demo mode", () => {
  it("BATCH_DEMO=1 answers from the sample workspace, with the notice, over 127.0.0.1 only", async () => {
    // The real-looking keys and base URL must be ignored: nothing goes to the test's fake.
    session = await startSession({ env: { BATCH_DEMO: "1", NODE_OPTIONS: `--require ${RECORD_CONNECTIONS}` } });
    const orchestrations = await session.call("list_orchestrations", { status: ["running"] });
    const inapp = await session.call("list_inapp_campaigns", { live: true });

    for (const result of [orchestrations, inapp]) {
      expect(result.isError).toBeFalsy();
      expect(textOf(result)).toMatch(NOTICE);
    }
    expect(textOf(orchestrations)).toMatch(/\d+ orchestrations? from/);
    expect(textOf(inapp)).toMatch(/\d+ in-app campaigns? from/);
    expect(session.fake.requests).toEqual([]);
    const hosts = connections(session.stderr());
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(host).toMatch(/^127\.0\.0\.1:\d+$/);
    expectNoSecrets(textOf(orchestrations), textOf(inapp), session.stderr());
  });

  it("--demo does the same, and errors carry the notice too", async () => {
    session = await startSession({ args: ["--demo"], env: { BATCH_REST_API_KEY: undefined, BATCH_PROJECT_KEY: undefined, BATCH_API_KEY: undefined } });
    const result = await session.call("list_orchestrations", { status: ["draft"], max_results: 3 });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toMatch(NOTICE);
    expect(textOf(result)).toMatch(/draft/);

    const bad = await session.call("list_orchestrations", { cursor: "not-a-cursor" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(NOTICE);
  });

  it("without demo mode there is no notice", async () => {
    session = await startSession();
    const result = await session.call("list_orchestrations", {});
    expect(textOf(result)).not.toMatch(NOTICE);
  });
});
