#!/usr/bin/env node
// Entry point of the unbundled development build (build/index.js). The published
// dist/index.js is src/launch.cts in front of a bundle of src/main.ts.

import { main } from "./main.js";

await main();
