// Browser tests: one Chromium per test file (see host-page.ts). No Chromium: CI (CI=true)
// fails, a developer machine skips and says how to install it.

import { existsSync } from "node:fs";
import { describe, it } from "vitest";
import { CHROMIUM } from "./host-page.js";

export { launchBrowser, openHost, type Host } from "./host-page.js";

const INSTALL = "apt-get install -y chromium";

/** `describe`, or in its place a failure in CI / a skip with the install command elsewhere. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () =>
      it(`needs Chromium at ${CHROMIUM}`, () => {
        throw new Error(`Chromium is missing at ${CHROMIUM}; install it with \`${INSTALL}\` (.ci/run does when root).`);
      }),
    );
  } else {
    process.stderr.write(`browser tests skipped: no Chromium at ${CHROMIUM}. Install it with \`sudo ${INSTALL}\`.\n`);
    describe.skip(name, body);
  }
}
