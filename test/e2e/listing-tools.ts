// The listing tools the reliability suites (fault matrix, bad input, paging properties,
// cancellation) run against, as data. Covering a new listing tool is one entry in
// LISTING_TOOLS: how to fill the fake, how to read ids back, and its random filters.

import fc from "fast-check";
import type { FakeBatch, Json, RouteName } from "../../src/fake-batch/index.js";
import { makeInappCampaigns, makeOrchestrations } from "../fake-batch/factories.js";
import type { CallToolResult } from "./harness.js";

export interface FilterCase {
  /** Tool arguments selecting a subset. */
  args: Record<string, unknown>;
  /** Reference: which raw items (as the fake stores them) the tool must return. */
  matches(item: Json): boolean;
}

export interface ListingToolUnderTest {
  tool: string;
  /** The fake's route serving the listing (for scripting faults and reading the request log). */
  route: RouteName;
  /** Cursor routes can also repeat a cursor or say has_more without next_from. */
  paging: "cursor" | "offset";
  /** Items per Batch page as the tool requests them. */
  pageSize: number;
  /** Pages the tool may have in flight at once with the default configuration. */
  parallelPages: number;
  /** The least the client waits before retrying a 429 (Batch v1.1 asks for 5 s). */
  min429WaitMs: number;
  /** Key of the item array in structuredContent. */
  itemsKey: string;
  /** Identity field of a raw item and of a summary in structuredContent. */
  rawId: string;
  summaryId: string;
  makeItems(n: number): Json[];
  setItems(fake: FakeBatch, items: Json[]): void;
  /** Arguments under which every item of the data set is listed, in API order. */
  everything: Record<string, unknown>;
  /** Another listing tool: its cursors must be refused here. */
  otherTool: string;
  /** Bad arguments only this tool has (unknown enum values, malformed dates...). */
  badInput: Array<{ name: string; args: Record<string, unknown> }>;
  filters: fc.Arbitrary<FilterCase>;
}

const ORCHESTRATION_STATUSES = ["draft", "running", "completed", "stopped"];
// Sample data spans 2025-06-30 back to about 2024-08 for 450 items.
const DAY = fc.integer({ min: Date.UTC(2024, 6, 1), max: Date.UTC(2025, 6, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

/**
 * Filter arguments: up to `most` of the given fields at once. Random records with every
 * field optional would AND most filters together and select nothing nearly every time.
 */
function someOf<R extends Record<string, unknown>>(fields: { [K in keyof R]: fc.Arbitrary<R[K]> }, most = 2): fc.Arbitrary<Partial<R>> {
  const keys = Object.keys(fields) as Array<keyof R & string>;
  return fc
    .tuple(fc.record(fields), fc.subarray(keys, { maxLength: most }))
    .map(([values, chosen]) => orderedDates(Object.fromEntries(chosen.map((k) => [k, values[k]])) as Partial<R>));
}

/** The tools refuse a creation range that ends before it starts (bad-input covers that): random pairs are put in order. */
function orderedDates<R extends Record<string, unknown>>(f: R): R {
  const { created_after: after, created_before: before } = f;
  if (typeof after !== "string" || typeof before !== "string" || after < before) return f;
  if (after === before) return { ...f, created_before: undefined };
  return { ...f, created_after: before, created_before: after };
}

const text = (item: Json, key: string) => String(item[key] ?? "");
// Zone-less dates (v1.1) read as UTC, as the server documents.
const utc = (value: string) => Date.parse(/([zZ]|[+-]\d{2}:?\d{2})$/.test(value) || !value.includes("T") ? value : `${value}Z`);
const list = (item: Json, key: string) => (Array.isArray(item[key]) ? (item[key] as unknown[]).map(String) : []);

/** Mirrors Batch's server-side filters (status default running+completed) and our local ones. */
const orchestrationFilters: fc.Arbitrary<FilterCase> = someOf({
  status: fc.subarray(ORCHESTRATION_STATUSES, { minLength: 1 }),
  type: fc.subarray(["campaign", "recurring", "trigger", "warmup"], { minLength: 1 }),
  channels: fc.subarray(["push", "email", "sms"], { minLength: 1 }),
  name_contains: fc.constantFrom("sale", "WEEKLY", "#1", "journey", "no such name"),
  labels: fc.subarray(["NEWSLETTER", "promo", "UNUSED"], { minLength: 1 }),
  created_after: DAY,
  created_before: DAY,
}).map((f) => ({
  args: f,
  matches: (item: Json) => {
    const created = Date.parse(text(item, "created_date"));
    const wantedLabels = f.labels?.map((l) => l.toLowerCase());
    return (
      (f.status ?? ["running", "completed"]).includes(text(item, "status")) &&
      (!f.type || f.type.includes(text(item, "type"))) &&
      (!f.channels || list(item, "channels").some((c) => f.channels?.includes(c))) &&
      (!f.name_contains || text(item, "name").toLowerCase().includes(f.name_contains.toLowerCase())) &&
      (!wantedLabels || list(item, "labels").some((l) => wantedLabels.includes(l.toLowerCase()))) &&
      (!f.created_after || created >= Date.parse(f.created_after)) &&
      (!f.created_before || created < Date.parse(f.created_before))
    );
  },
}));

/** Mirrors v1.1's server-side live/from_api filters and our local ones. */
const inappFilters: fc.Arbitrary<FilterCase> = someOf({
  live: fc.boolean(),
  from_api: fc.boolean(),
  name_contains: fc.constantFrom("welcome", "SALE", "#1", "tour", "no such name"),
  created_after: DAY,
  created_before: DAY,
}).map((f) => ({
  args: f,
  matches: (item: Json) => {
    const created = utc(text(item, "created_date"));
    return (
      (f.live === undefined || item.live === f.live) &&
      (f.from_api === undefined || item.from_api === f.from_api) &&
      (!f.name_contains || text(item, "name").toLowerCase().includes(f.name_contains.toLowerCase())) &&
      (!f.created_after || created >= Date.parse(f.created_after)) &&
      (!f.created_before || created < Date.parse(f.created_before))
    );
  },
}));

export const LISTING_TOOLS: ListingToolUnderTest[] = [
  {
    tool: "list_orchestrations",
    route: "orchestrations",
    paging: "cursor",
    pageSize: 100,
    parallelPages: 1,
    min429WaitMs: 0,
    itemsKey: "orchestrations",
    rawId: "id",
    summaryId: "id",
    makeItems: (n) => makeOrchestrations(n),
    setItems: (fake, items) => fake.setOrchestrations(items),
    everything: { status: ORCHESTRATION_STATUSES },
    otherTool: "list_inapp_campaigns",
    badInput: [
      { name: "an unknown status", args: { status: ["paused"] } },
      { name: "an unknown type", args: { type: ["newsletter"] } },
      { name: "an unknown channel", args: { channels: ["fax"] } },
      { name: "an empty status list", args: { status: [] } },
      { name: "a date that is not a date", args: { created_after: "last june" } },
      { name: "an impossible date", args: { created_before: "2025-13-45" } },
      { name: "a very long name filter", args: { name_contains: "x".repeat(100_000) } },
      { name: "a very long project key", args: { project_key: "p".repeat(10_000) } },
      { name: "too many labels", args: { labels: Array.from({ length: 1000 }, (_, i) => `L${i}`) } },
    ],
    filters: orchestrationFilters,
  },
  {
    tool: "list_inapp_campaigns",
    route: "inapp-list",
    paging: "offset",
    pageSize: 100,
    // BATCH_INAPP_CONCURRENCY's default.
    parallelPages: 4,
    min429WaitMs: 200,
    itemsKey: "campaigns",
    rawId: "campaign_token",
    summaryId: "token",
    makeItems: (n) => makeInappCampaigns(n),
    setItems: (fake, items) => fake.setInappCampaigns(items),
    everything: {},
    otherTool: "list_orchestrations",
    badInput: [
      { name: "live as text", args: { live: "yes" } },
      { name: "from_api as a number", args: { from_api: 1 } },
      { name: "a date that is not a date", args: { created_after: "last june" } },
      { name: "an impossible date", args: { created_before: "2025-13-45" } },
      { name: "a very long name filter", args: { name_contains: "x".repeat(100_000) } },
    ],
    filters: inappFilters,
  },
];

/** What a listing tool's structuredContent holds, read generically. */
export interface Listed {
  ids: string[];
  returned: number;
  has_more: boolean;
  cursor?: string;
  pages: number;
  warnings: string[];
}

export function listed(tool: ListingToolUnderTest, result: CallToolResult): Listed {
  const s = result.structuredContent;
  if (!s) throw new Error(`${tool.tool} returned no structuredContent: ${JSON.stringify(result.content)}`);
  const items = s[tool.itemsKey] as Array<Record<string, unknown>>;
  return {
    ids: items.map((i) => String(i[tool.summaryId])),
    returned: s.returned as number,
    has_more: s.has_more as boolean,
    ...(typeof s.cursor === "string" && { cursor: s.cursor }),
    pages: s.pages as number,
    warnings: (s.warnings as string[] | undefined) ?? [],
  };
}

export function idsOf(tool: ListingToolUnderTest, items: readonly Json[]): string[] {
  return items.map((i) => String(i[tool.rawId]));
}
