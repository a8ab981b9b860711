// The `project_key` argument every tool on the v2 (project-scoped) API accepts.

import { z } from "zod";

export const projectKeyInput = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe("Batch project key to query instead of the configured BATCH_PROJECT_KEY (for agencies with several projects).");
