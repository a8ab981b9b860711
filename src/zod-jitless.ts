// Imported first by main.ts. Zod compiles a fast parser per object schema with
// `new Function` on first use: code the V8 code cache cannot hold, so every start paid for
// it again while parsing `initialize`. A server parsing a few messages a minute gains
// nothing from it. Must run before any schema is built (the flag is read then).

import { config } from "zod";

config({ jitless: true });
