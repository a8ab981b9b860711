// BatchApiError -> one sentence a marketer or the engineer who installed the server can
// act on: what failed, Batch's own code, and what to check. Data, not branching: the
// first rule that matches speaks.

import { VIEW_MIN_VERSION } from "../batch/content-endpoint.js";
import type { BatchApiError, ErrorSubject } from "../batch/errors.js";
import { INPUT_CHARS, quote, word } from "../text/quote.js";

interface Rule {
  when: (e: BatchApiError) => boolean;
  say: (e: BatchApiError) => string;
}

const KEYS_V2 = "BATCH_REST_API_KEY (the REST API key) and BATCH_PROJECT_KEY (or the project_key argument)";
const KEYS_V1 = "BATCH_REST_API_KEY (the REST API key) and BATCH_API_KEY (the app's Live API key)";
const WHERE_KEYS = "Both are in the Batch dashboard under Settings > General";

/** Batch's own message is quoted like any Batch string (it may echo what someone typed). */
const BATCH_MESSAGE_CHARS = 320;

function batchSaid(e: BatchApiError): string {
  const parts = [e.status !== undefined ? `HTTP ${e.status}` : undefined, e.code !== undefined ? `code ${word(e.code)}` : undefined];
  const head = parts.filter(Boolean).join(", ");
  const inside = [head, e.batchMessage && quote(e.batchMessage, BATCH_MESSAGE_CHARS)].filter(Boolean).join(": ");
  return inside ? ` (${inside})` : "";
}

function tries(e: BatchApiError): string {
  return e.attempts && e.attempts > 1 ? ` after ${e.attempts} attempts` : "";
}

// The tool that lists each kind of thing, for "unknown id" sentences.
const FINDERS: Record<string, string> = { orchestration: "list_orchestrations", "in-app campaign": "list_inapp_campaigns" };

// Batch's v2 stats answer an unknown id with a 400 (there is no 404); recognise it by its
// code or message so that a malformed date, also a 400, keeps the generic sentence.
const UNKNOWN_ID = /invalid_\w*id|not[_ ]?found|unknown|does ?n[o']?t exist/i;

function isUnknownSubject(e: BatchApiError): boolean {
  if (e.subject === undefined) return false;
  return e.status === 404 || (e.status === 400 && UNKNOWN_ID.test(`${e.code ?? ""} ${e.batchMessage ?? ""}`));
}

/** `orchestration "orchestration_x"`: the id as it was asked for, quoted. */
function named(subject: ErrorSubject | undefined): string {
  return subject ? `${subject.noun} ${quote(subject.id, INPUT_CHARS)}` : "such item";
}

/** "the id (and project_key, ...), or call list_orchestrations to find the right one" */
function theId(subject: ErrorSubject | undefined): string {
  const finder = subject && FINDERS[subject.noun];
  // In-app campaigns belong to the app of BATCH_API_KEY, not to a project key.
  const what = subject?.noun === "in-app campaign" ? "the token" : "the id (and project_key, if it belongs to another project)";
  return `${what}${finder ? `, or call ${finder} to find the right one` : ""}`;
}

/** What Batch's API shows of an orchestration whose copy it cannot show: for every "no copy" sentence. */
export const NO_CONTENT_ROUTE =
  "Batch's API shows the copy of one-time push campaigns (and in-app campaigns) only, not of email, SMS, recurring, trigger or warmup orchestrations: " +
  "it can still show this one's settings (list_orchestrations, or its batch://orchestrations/{id} resource) and how it performed (get_orchestration_stats).";

// What an answer meant, when the route told (BatchApiError.reason): ahead of the status rules,
// since a 403 "not a push campaign" is no permission problem and a 404 may be a missing route.
const REASON_RULES: Rule[] = [
  {
    when: (e) => e.reason === "not_push",
    say: (e) => `Batch cannot show the copy of ${named(e.subject)}: it is not a one-time push campaign${batchSaid(e)}. ${NO_CONTENT_ROUTE}`,
  },
  {
    when: (e) => e.reason === "unknown_id",
    say: (e) =>
      e.api === "v2"
        ? `Batch does not know ${named(e.subject)} in this project${batchSaid(e)}. Check ${theId(e.subject)}.`
        : `Batch does not know ${named(e.subject)}${batchSaid(e)}. Check ${theId(e.subject)}; if it is right, check that BATCH_API_KEY is the Live API key of the app it belongs to.`,
  },
  {
    when: (e) => e.reason === "route_missing",
    say: (e) =>
      `Batch has no route to ${e.operation} in the API version called${batchSaid(e)}: it needs version ${VIEW_MIN_VERSION} or later; set BATCH_API_VERSION ` +
      `to ${VIEW_MIN_VERSION} or later in this server's environment and restart it, and check that BATCH_API_BASE_URL points at the Batch API.`,
  },
];

const RULES: Rule[] = [
  {
    when: (e) => e.kind === "missing-config",
    say: (e) =>
      `Cannot ${e.operation}: ${e.variable} is not set. Add ${e.variable} to this MCP server's environment ` +
      `(Claude Desktop: the extension settings or "env" in claude_desktop_config.json; Claude Code: ` +
      `claude mcp add ... -e ${e.variable}=...), then restart the server.`,
  },
  { when: (e) => e.kind === "aborted", say: (e) => `The request to ${e.operation} was cancelled.` },
  {
    when: (e) => e.kind === "deadline",
    say: (e) =>
      `Batch did not answer ${e.operation} within this call's time budget${batchSaid(e)}, so there is nothing to show yet. ` +
      "Try again in a minute; if Batch is slow today, raise BATCH_MCP_TIME_BUDGET_MS (keep it under the client's 60 s timeout).",
  },
  ...REASON_RULES,
  {
    when: (e) => e.status === 401 && e.api === "v2",
    say: (e) => `Batch refused the credentials for ${e.operation}${batchSaid(e)}. Check ${KEYS_V2}: the key must belong to that project. ${WHERE_KEYS}.`,
  },
  {
    when: (e) => e.status === 401,
    say: (e) => `Batch refused the credentials for ${e.operation}${batchSaid(e)}. Check ${KEYS_V1}. ${WHERE_KEYS}.`,
  },
  {
    when: (e) => e.status === 403,
    say: (e) => `Batch denied access to ${e.operation}${batchSaid(e)}. The key is valid but not allowed this call: check the REST key's permissions (v1.1 APIs need the app's Live API key, not the Dev one).`,
  },
  {
    when: (e) => isUnknownSubject(e) && e.status === 400,
    say: (e) => `Batch does not know ${named(e.subject)} in this project${batchSaid(e)}. Check ${theId(e.subject)}.`,
  },
  {
    when: isUnknownSubject,
    say: (e) =>
      `Batch found no ${named(e.subject)}${batchSaid(e)}. Check ${theId(e.subject)}; if the id is right, check BATCH_API_BASE_URL and BATCH_API_VERSION.`,
  },
  {
    // A 400 that does not say why, on a request about one id: the id is the likeliest
    // culprit (the tools check dates and ranges before asking), so name it.
    when: (e) => e.status === 400 && e.subject !== undefined,
    say: (e) =>
      `Batch rejected the request to ${e.operation} for ${named(e.subject)}${batchSaid(e)}. The id may not exist in this project: check ${theId(e.subject)}; otherwise check the other arguments.`,
  },
  {
    when: (e) => e.status === 404 && e.api === "v1.1",
    say: (e) => `Batch could not find the route for ${e.operation}${batchSaid(e)}. This usually means BATCH_API_KEY is wrong: it must be the app's Live API key (Settings > General), not the REST key or the project key.`,
  },
  {
    when: (e) => e.status === 404,
    say: (e) => `Batch has no such route for ${e.operation}${batchSaid(e)}. Check BATCH_API_BASE_URL (normally https://api.batch.com) and BATCH_API_VERSION (normally 2.10).`,
  },
  {
    when: (e) => e.status === 400,
    say: (e) => `Batch rejected the request to ${e.operation}${batchSaid(e)}. Check the arguments (filters, dates, ids) against what the tool describes.`,
  },
  {
    when: (e) => e.status === 429,
    say: (e) => `Batch is rate-limiting requests${batchSaid(e)} and still was${tries(e)}. Wait a minute and ask again; if it keeps happening, lower BATCH_RATE_LIMIT.`,
  },
  {
    when: (e) => e.status === 503,
    say: (e) => `Batch is unavailable, probably for maintenance${batchSaid(e)}${tries(e)}. Try again in a few minutes.`,
  },
  {
    when: (e) => e.status !== undefined && e.status >= 500,
    say: (e) => `Batch had a server error during ${e.operation}${batchSaid(e)}${tries(e)}. Try again later; if it persists, contact Batch support with the time of the error.`,
  },
  {
    when: (e) => e.kind === "timeout",
    say: (e) => `Batch did not answer ${e.operation} in time${tries(e)}${batchSaid(e)}. Try again later, or raise BATCH_TIMEOUT_MS if the network is slow.`,
  },
  {
    when: (e) => e.kind === "network",
    say: (e) => `Could not reach Batch for ${e.operation}${tries(e)}${batchSaid(e)}. Check the network connection and BATCH_API_BASE_URL.`,
  },
  {
    when: (e) => e.kind === "invalid-response",
    say: (e) => `Batch's answer to ${e.operation} was not in the documented format${batchSaid(e)}. Check that BATCH_API_BASE_URL points at the Batch API; if it does, Batch may have changed the API: try again later.`,
  },
];

export function describeBatchError(error: BatchApiError): string {
  const rule = RULES.find((r) => r.when(error));
  return rule ? rule.say(error) : `Batch ${error.operation} failed${batchSaid(error)}.`;
}
