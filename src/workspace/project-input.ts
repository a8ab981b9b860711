// The `project` argument every tool takes, and list_inapp_campaigns' `app`: names from the
// server's configuration, as list_projects gives them.

import { z } from "zod";

export const projectInput = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('The project, by name as list_projects gives it, e.g. "FR" (case does not matter). Default: the server\'s default project.');

export const appInput = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('One app of the project, by name as list_projects gives it, e.g. "iOS". Default: every app of the project, merged newest first, each campaign saying its app.');
