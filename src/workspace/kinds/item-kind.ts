// An item kind: how items of one Batch type are keyed, named and cached, and given handles.
// The two kinds (orchestrations, in-app campaigns) differ only in this data. The MCP layer
// adds what a resource template needs on top (its URI template, title and description).

import type { Json } from "../../batch/json.js";

export interface ItemKind<T> {
  /** Cache tag and template name, e.g. "orchestration". */
  kind: string;
  /** For sentences: "orchestration", "in-app campaign". */
  noun: string;
  /** What every key starts with before its random part ("orchestration_"); handles are prefixes of the rest. */
  idPrefix: string;
  key(item: T): string;
  /** The item's URI; `base` says whose project (default: the default project's batch://). */
  uri(key: string, base?: string): string;
  name(item: T): string;
  raw(item: T): Json;
}
