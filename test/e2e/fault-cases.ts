// Every way the fake Batch server can misbehave, with the result a listing tool must give
// for it. Data, read by fault-matrix.test.ts for each tool and each page position.

import { DEFAULT_RETRY_POLICY } from "../../src/batch/retry.js";
import type { Fault, Json } from "../../src/fake-batch/index.js";
import { API_KEY, REST_KEY } from "./harness.js";

/** Requests the client sends for one page when every attempt fails. */
export const MAX_ATTEMPTS = DEFAULT_RETRY_POLICY.maxRetries + 1;

export type Expectation =
  /** Retried once and succeeded: every item, one extra request. */
  | { outcome: "retried" }
  /** First page: `isError` saying this. Later page: the pages before it, a warning saying this and a cursor that resumes. */
  | { outcome: "error"; says: RegExp }
  /** Every item exactly once and in order, as if nothing happened. */
  | { outcome: "complete" }
  /** Stops at the odd page with a warning saying this, and no cursor: following Batch would loop or has nowhere to go. */
  | { outcome: "stops"; says: RegExp };

export interface FaultCase {
  name: string;
  /** What the fake answers for the chosen page... */
  fault?: Fault;
  /** How many consecutive requests get it (default 1). */
  times?: number;
  /** ...or how the data set is bent so the chosen page (0-based) is odd. */
  data?: (items: Json[], page: number, pageSize: number, idField: string) => Json[];
  /** Only cursor-paged routes (orchestrations) can repeat a cursor or omit next_from. */
  cursorOnly?: boolean;
  expect: Expectation;
  /** When the first page behaves differently from a later one. */
  onFirstPage?: Expectation;
}

const HTML_502 =
  "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

/** A transient fault: once, it is retried away; on every attempt it becomes an error saying `persistent`. */
function transient(name: string, fault: Fault, persistent: RegExp): FaultCase[] {
  return [
    { name, fault, expect: { outcome: "retried" } },
    { name: `${name}, on every attempt`, fault, times: MAX_ATTEMPTS, expect: { outcome: "error", says: persistent } },
  ];
}

const FORMAT = /not in the documented format/;

export const FAULT_CASES: FaultCase[] = [
  {
    name: "400 whose message echoes the keys",
    fault: { kind: "status", status: 400, body: { error_message: `Bad parameter for ${REST_KEY} / ${API_KEY}`, error_code: "MALFORMED_PARAMETER" } },
    expect: { outcome: "error", says: /rejected the request.*HTTP 400.*\[redacted\].*Check the arguments/ },
  },
  { name: "401", fault: { kind: "status", status: 401 }, expect: { outcome: "error", says: /refused the credentials.*HTTP 401.*BATCH_REST_API_KEY/ } },
  { name: "403", fault: { kind: "status", status: 403 }, expect: { outcome: "error", says: /denied access.*HTTP 403.*permissions/ } },
  { name: "404", fault: { kind: "status", status: 404 }, expect: { outcome: "error", says: /HTTP 404.*(BATCH_API_BASE_URL|BATCH_API_KEY)/ } },
  {
    name: "429 with Retry-After",
    fault: { kind: "status", status: 429, headers: { "retry-after": "1" } },
    expect: { outcome: "retried" },
  },
  ...transient("429 without Retry-After", { kind: "status", status: 429 }, /rate-limiting.*after 4 attempts.*Wait/),
  ...transient("500", { kind: "status", status: 500 }, /server error.*HTTP 500.*after 4 attempts.*Try again later/),
  ...transient("502 with an HTML body", { kind: "status", status: 502, body: HTML_502 }, /server error.*HTTP 502.*after 4 attempts/),
  ...transient("503 maintenance", { kind: "status", status: 503 }, /unavailable, probably for maintenance.*after 4 attempts/),
  ...transient("connection reset", { kind: "reset" }, /Could not reach Batch.*after 4 attempts.*network/),
  ...transient("a server that never answers", { kind: "hang" }, /did not answer.*in time after 4 attempts.*BATCH_TIMEOUT_MS/),
  { name: "a body that is not JSON", fault: { kind: "non-json" }, expect: { outcome: "error", says: FORMAT } },
  { name: "JSON of the wrong shape", fault: { kind: "wrong-shape" }, expect: { outcome: "error", says: FORMAT } },
  { name: "a truncated body", fault: { kind: "truncated" }, expect: { outcome: "error", says: FORMAT } },
  {
    name: "a cursor that repeats",
    fault: { kind: "repeat-cursor" },
    cursorOnly: true,
    expect: { outcome: "stops", says: /cursor it had already sent.*incomplete/ },
    // On the first page the repeated cursor points back at the start: the items come
    // again, are dropped as duplicates, and paging goes on from there.
    onFirstPage: { outcome: "complete" },
  },
  {
    name: "has_more without next_from",
    fault: { kind: "has-more-no-next" },
    cursorOnly: true,
    expect: { outcome: "stops", says: /sent no cursor/ },
  },
  { name: "a page with more items than asked for", fault: { kind: "oversized-page" }, expect: { outcome: "complete" } },
  {
    name: "duplicate ids across pages",
    // An item of the chosen page reuses the id of an item from the first page.
    data: (items, page, pageSize, idField) =>
      items.map((item, i) => (i === page * pageSize + 5 ? { ...item, [idField]: items[2]?.[idField] } : item)),
    expect: { outcome: "complete" },
  },
];
