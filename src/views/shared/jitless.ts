// Imported first by every view. Zod (inside ext-apps' App) would otherwise probe `new
// Function`, which hosts' Content-Security-Policy forbids in the view's iframe: the probe
// is caught, but the browser still reports the refused eval. The view parses a handful
// of messages, so the compiled parsers buy nothing.

import { config } from "zod/v4";

config({ jitless: true });
