// One fake Batch server per test, closed after it: what the fake server's own suites share.

import { afterEach } from "vitest";
import { startFakeBatch, type FakeBatch, type FakeBatchOptions } from "../../src/fake-batch/index.js";

/** Registers the after-each close; returns how a test starts its fake. */
export function fakePerTest(): (options?: FakeBatchOptions) => Promise<FakeBatch> {
  let fake: FakeBatch | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  return async (options = {}) => {
    fake = await startFakeBatch(options);
    return fake;
  };
}
