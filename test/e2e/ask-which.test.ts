// An ambiguous handle, asked about: a client that declared elicitation gets a form listing the
// candidates (input_required in 2026-07-28; an elicitation request in the handshake era), and
// the call answers for the one the person picked. A client without elicitation, or a person
// who declines, gets the error naming the candidates, as before.

import type { Client, ClientOptions } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrchestration, makeStats } from "../fake-batch/factories.js";
import { startSession, structuredOf, textOf, type CallToolResult, type Session } from "./harness.js";
import { startHttpServer } from "./http-harness.js";

const TWIN_A = "orchestration_twinsharedab0aaaaaaaaaaaaaaaaaaa";
const TWIN_B = "orchestration_twinsharedab1bbbbbbbbbbbbbbbbbbb";
const fake = {
  orchestrations: [makeOrchestration(0, { id: TWIN_A, name: "Twin A", status: "running" }), makeOrchestration(1, { id: TWIN_B, name: "Twin B", status: "running" })],
  stats: { [TWIN_A]: makeStats(TWIN_A, { days: 30 }), [TWIN_B]: makeStats(TWIN_B, { days: 30 }) },
};

interface Asked {
  message: string;
  options: Array<{ const: string; title: string }>;
}

/** A client that answers every form by picking `pick` (or declining), recording what it was asked. */
function asking(era: ClientOptions["versionNegotiation"], pick: () => string | "decline", asked: Asked[]): { options: ClientOptions; install(c: Client): void } {
  return {
    options: { versionNegotiation: era, capabilities: { elicitation: { form: {} } } },
    install(client) {
      client.setRequestHandler("elicitation/create", async (request) => {
        const params = request.params as unknown as { message: string; requestedSchema: { properties: { id: { oneOf: Asked["options"] } } } };
        asked.push({ message: params.message, options: params.requestedSchema.properties.id.oneOf });
        const answer = pick();
        return answer === "decline" ? { action: "decline" } : { action: "accept", content: { id: answer } };
      });
    },
  };
}

const ERAS = [
  { era: "2025-11-25", negotiation: { mode: "legacy" } },
  { era: "2026-07-28", negotiation: { mode: { pin: "2026-07-28" } } },
] as const;

describe.each(ERAS)("an ambiguous handle, $era client over stdio", ({ negotiation }) => {
  // One server per era for the questions; what the person answers is switched per test.
  const asked: Asked[] = [];
  let answer: string | "decline" = TWIN_B;
  let s: Session;
  beforeAll(async () => {
    const client = asking(negotiation, () => answer, asked);
    s = await startSession({ fake, client: client.options, beforeConnect: client.install });
    await s.call("list_orchestrations", {});
  });
  afterAll(() => s.close());

  it("asks which one when the client can be asked, and answers for the pick", async () => {
    asked.length = 0;
    answer = TWIN_B;
    const result = await s.call("get_orchestration_stats", { orchestration_id: "twinshar" });
    expect(structuredOf<{ orchestration_id: string }>(result).orchestration_id).toBe(TWIN_B);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.message).toBe('"twinshar" matches several orchestrations. Which one did you mean?');
    expect(asked[0]?.options).toEqual([
      { const: TWIN_A, title: 'twinsharedab0 "Twin A"' },
      { const: TWIN_B, title: 'twinsharedab1 "Twin B"' },
    ]);
  });

  it("keeps the error naming the candidates when the person declines", async () => {
    asked.length = 0;
    answer = "decline";
    const result = await s.call("get_orchestration_stats", { orchestration_id: "twinshar" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^"twinshar" matches several orchestrations: twinsharedab0 "Twin A", twinsharedab1 "Twin B"/);
    expect(asked).toHaveLength(1);
  });

  it("does not ask a client that declared no elicitation", async () => {
    const plain = await startSession({ fake, client: { versionNegotiation: negotiation } });
    try {
      await plain.call("list_orchestrations", {});
      const result = await plain.call("get_orchestration_stats", { orchestration_id: "twinshar" });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain("Pass one of these longer handles, or the full id.");
    } finally {
      await plain.close();
    }
  });
});

describe("an ambiguous handle, 2026-07-28 client over Streamable HTTP", () => {
  const asked: Asked[] = [];
  let client: Client;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const server = await startHttpServer({ fake });
    const c = asking({ mode: { pin: "2026-07-28" } }, () => TWIN_A, asked);
    client = await server.connect(undefined, c.options, c.install);
    close = async () => {
      await client.close();
      await server.close();
    };
  });
  afterAll(() => close());

  it("asks which one through input_required and answers for the pick", async () => {
    await client.callTool({ name: "list_orchestrations", arguments: {} });
    const result = (await client.callTool({ name: "get_orchestration_stats", arguments: { orchestration_id: "twinshar" } })) as CallToolResult;
    expect(structuredOf<{ orchestration_id: string }>(result).orchestration_id).toBe(TWIN_A);
    expect(asked.map((a) => a.options.length)).toEqual([2]);
  });
});
