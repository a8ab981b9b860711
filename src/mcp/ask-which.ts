// An ambiguous handle, asked about instead of refused: when the client declared elicitation,
// the call answers `input_required` with a form listing the candidates (2026-07-28; the SDK
// turns it into an elicitation request for handshake-era clients), and the retried call runs
// with the id the person picked. Without elicitation, the error naming the candidates stands.

import { acceptedContent, CLIENT_CAPABILITIES_META_KEY, inputRequired, inputResponse, type ClientCapabilities, type InputRequiredResult, type ServerContext } from "@modelcontextprotocol/server";
import { quote } from "../text/quote.js";
import type { Ambiguity } from "../workspace/input-error.js";



/** The inputRequests key for one ambiguous input (one per input, so several can be asked at once). */
export const choiceKey = (input: string) => `which:${input}`;

/** Whether this request's client declared elicitation: in its `_meta` (2026-07-28) or at the handshake. */
export function canAsk(extra: ServerContext, declaredAtHandshake: ClientCapabilities | undefined): boolean {
  // The SDK lifts the 2026-era envelope out of `_meta`; its keys are the `_meta` keys.
  const envelope: Record<string, unknown> = extra.mcpReq.envelope ?? {};
  const declared = (envelope[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined) ?? declaredAtHandshake;
  return declared?.elicitation !== undefined;
}

/** The id the person picked for this input on a retried call, when it is one of the candidates. */
/** Whether the person already answered this question (picked, declined or cancelled): ask once. */
export function answered(responses: Record<string, unknown> | undefined, ambiguity: Ambiguity): boolean {
  return inputResponse(responses, choiceKey(ambiguity.input)).kind !== "missing";
}

export function pickedId(responses: Record<string, unknown> | undefined, ambiguity: Ambiguity): string | undefined {
  const answer = acceptedContent<{ id?: unknown }>(responses, choiceKey(ambiguity.input));
  const id = answer?.id;
  return typeof id === "string" && ambiguity.candidates.some((c) => c.id === id) ? id : undefined;
}

export function askWhich(ambiguity: Ambiguity): InputRequiredResult {
  const { input, noun, candidates } = ambiguity;
  const options = candidates.map((c) => ({ const: c.id, title: `${c.handle} ${c.name === undefined ? "(name not known)" : quote(c.name, 80)}` }));
  return inputRequired({
    inputRequests: {
      [choiceKey(input)]: inputRequired.elicit({
        message: `"${input}" matches several ${noun}s. Which one did you mean?`,
        requestedSchema: {
          type: "object",
          properties: { id: { type: "string", title: `The ${noun}`, oneOf: options } },
          required: ["id"],
        },
      }),
    },
  });
}

/** The arguments with every occurrence of the ambiguous input (a value, or an array element) replaced by the picked id. */
export function withPicked<A>(args: A, input: string, id: string): A {
  if (args === null || typeof args !== "object") return args;
  const swap = (value: unknown): unknown => (value === input ? id : Array.isArray(value) ? value.map(swap) : value);
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, swap(v)])) as A;
}
