// Request log and in-flight accounting, so tests can assert what the client sent, in which
// order, and how many requests it had open at once (pacing, concurrency caps).

import type { IncomingHttpHeaders } from "node:http";
import { performance } from "node:perf_hooks";
import type { RecordedRequest } from "./types.js";

export class Recorder {
  /** Cleared in place so a reference taken before clear() stays the live log. */
  readonly requests: RecordedRequest[] = [];
  private inFlight = 0;
  private max = 0;

  get maxConcurrent(): number {
    return this.max;
  }

  begin(entry: Omit<RecordedRequest, "startedAt" | "endedAt">): RecordedRequest {
    const record: RecordedRequest = { ...entry, startedAt: performance.now() };
    this.requests.push(record);
    this.inFlight++;
    this.max = Math.max(this.max, this.inFlight);
    return record;
  }

  /** Called once per request, when its response ended or its connection closed. */
  end(record: RecordedRequest): void {
    this.inFlight--;
    record.endedAt = performance.now();
  }

  /** Requests still in flight keep counting towards the next maximum. */
  clear(): void {
    this.requests.length = 0;
    this.max = 0;
  }
}

/** Node gives repeated headers as arrays; the log keeps one string per (lower-case) name. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  return flat;
}

export function queryRecord(query: URLSearchParams): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const [name, value] of query) (record[name] ??= []).push(value);
  return record;
}
