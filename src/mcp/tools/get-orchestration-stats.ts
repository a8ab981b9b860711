// get_orchestration_stats: "how did it perform?" for one orchestration over a date range.

import { z } from "zod";
import { DEFAULT_STATS_DAYS, isDay, STATS_HISTORY_MONTHS } from "../../batch/stats-range.js";
import { ANOMALY_RULE, SILENCE_RULE } from "../../insights/anomalies.js";
import { CHANGE_RULE } from "../../insights/changes.js";
import { COMPARE_TO } from "../../insights/periods.js";
import { AB_MIN_DELIVERED } from "../../insights/stats-math.js";
import { statsText } from "../format/stats.js";
import { linkTo } from "../resources/kind.js";
import { orchestrationResource } from "../resources/orchestrations.js";
import { toolResult } from "../results.js";
import { fetchStatsReport } from "../stats-report.js";
import { GROUP_BY } from "../../insights/stats-report.js";
import { defineTool } from "../tool-definition.js";
import { projectInput } from "../../workspace/project-input.js";
import { projectKeyInput } from "../../workspace/project-key-input.js";

export const statsDay = z.string().refine(isDay, { message: "Expected a date formatted as yyyy-MM-dd, e.g. 2025-06-01." });

const input = {
  orchestration_id: z
    .string()
    .min(1)
    .max(500)
    .describe('The orchestration: its handle as listings show it ("0664hyh9"), its id ("orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q") or its batch://orchestrations/{id} URI.'),
  from: statsDay
    .optional()
    .describe(
      `First day, yyyy-MM-dd, inclusive (default: ${DEFAULT_STATS_DAYS - 1} days before \`to\`, so ${DEFAULT_STATS_DAYS} days in all). ` +
        `Batch keeps ${STATS_HISTORY_MONTHS} months: an earlier day is moved to the limit and the result says so.`,
    ),
  to: statsDay.optional().describe("Last day, yyyy-MM-dd, inclusive (default: today, UTC), e.g. 2025-06-30."),
  group_by: z
    .enum(GROUP_BY)
    .default("total")
    .describe(
      'How to break the figures down (default "total"): "total" for the range as a whole, "day" adds the daily series, ' +
        '"version" each A/B version\'s figures, "platform" per-platform figures (iOS, Android, Web) when Batch provides them.',
    ),
  compare_to: z
    .enum(COMPARE_TO)
    .optional()
    .describe(
      '"previous_period" also compares with the same number of days just before `from` (for "did this month do better than last?"): each rate\'s change in points, whether it is significant, and sent/delivered\'s relative change. ' +
        `Still one request to Batch. A previous period reaching past Batch's ${STATS_HISTORY_MONTHS} months is shortened, and the result says so. Default: no comparison.`,
    ),
  project: projectInput,
  project_key: projectKeyInput,
};

const metrics = z.record(z.string(), z.number()).describe("Figures keyed by Batch's names (sent, delivered, unique_open, ... and any other numeric field Batch returned).");
const rate = z.object({
  value: z.number().nullable().describe("A fraction (0.253); null when the denominator is 0."),
  percent: z.string().describe('"25.3%", or "n/a" when the denominator is 0.'),
  definition: z.string().describe('The fields used, e.g. "unique_open / delivered".'),
});
const figures = { totals: metrics, rates: z.record(z.string(), rate) };

export const rateChange = z.object({
  current: z.number().nullable().describe("This period's rate, a fraction; null when n/a."),
  previous: z.number().nullable(),
  change_points: z.number().nullable().describe("current - previous in percentage points (-10 is 25.3% -> 15.3%); null when either is n/a."),
  relative_change: z.number().nullable().describe("current / previous - 1 (-0.4 is 40% lower); null when either is n/a or previous is 0."),
  z: z.number().optional().describe("Two-proportion z statistic, current against previous."),
  significant: z.boolean(),
  better: z.boolean().optional().describe("Whether the move is the good way for this rate (more opens, fewer bounces)."),
});
export const countChange = z.object({
  current: z.number(),
  previous: z.number(),
  relative_change: z.number().nullable().describe("current / previous - 1, per day when the periods differ in length; null when previous is 0."),
});
const comparison = z
  .object({
    previous: z.object({ from: z.string(), to: z.string(), days: z.number().int(), ...figures }).describe("The previous period and its figures."),
    changes: z.record(z.string(), z.union([rateChange, countChange])).describe("sent and delivered (relative change), then each rate, keyed as `rates` is."),
    rule: z.string(),
  })
  .describe(`With compare_to: the previous period and every change. ${CHANGE_RULE}`);
const anomaly = z.object({
  date: z.string().describe("The unusual day; for a silence, its first day."),
  metric: z.string().describe('The rate that stood out, or "sent" for a silence.'),
  value: z.number().describe("The day's rate (a fraction); 0 for a silence."),
  usual: z.number().describe("The range's median of that rate; for a silence, the usual sends per sending day."),
  score: z.number().describe("How many robust standard deviations away; for a silence, its length in days."),
  until: z.string().optional().describe("A silence's last day."),
});

const output = {
  orchestration_id: z.string(),
  name: z.string().optional().describe("The orchestration's name, when this session has listed it."),
  uri: z.string().describe("Resource URI of the orchestration."),
  range: z.object({
    from: z.string(),
    to: z.string(),
    days: z.number().int(),
    requested_from: z.string().optional().describe("The `from` asked for, when it was older than Batch keeps and was moved."),
  }),
  group_by: z.enum(GROUP_BY),
  has_figures: z.boolean().describe("False when Batch returned no figures for the range."),
  ...figures,
  ab: z
    .object({
      enough_sends: z.boolean().describe(`Every version has at least min_delivered delivered; below that there is no verdict.`),
      min_delivered: z.number().int(),
      rule: z.string(),
      versions: z.array(z.object({ version: z.string(), delivered: z.number(), ...figures })),
      by_rate: z.array(
        z.object({
          rate: z.string(),
          ahead: z.string().optional().describe("The version with the better value, significant or not."),
          behind: z.string().optional(),
          z: z.number().optional().describe("Two-proportion z statistic, ahead vs behind."),
          significant: z.boolean(),
          leader: z.string().optional().describe("The winning version, only when significant with enough sends."),
        }),
      ),
    })
    .optional()
    .describe("A/B versions side by side, when the orchestration has them."),
  platforms: z.array(z.object({ platform: z.string(), ...figures })).optional(),
  steps: z.array(z.object({ step_id: z.string().optional(), step_name: z.string().optional(), ...figures })).optional().describe("Per-step figures (trigger automations)."),
  days: z.array(z.object({ date: z.string(), ...figures })).optional().describe('The daily series, with group_by "day".'),
  comparison: comparison.optional(),
  anomalies: z.array(anomaly).optional().describe(`Unusual days and silences in the range, by date; empty when none. ${ANOMALY_RULE} ${SILENCE_RULE}`),
  notes: z.array(z.string()).optional(),
  warnings: z.array(z.string()).optional(),
};

export const getOrchestrationStats = defineTool({
  name: "get_orchestration_stats",
  title: "Get Batch orchestration stats",
  description:
    'How one orchestration performed: sent, delivered, opens, clicks, bounces, unsubscribes (and any other figure Batch returns) over a date range, with delivery, open, click, click-to-open, bounce and unsubscribe rates. ' +
    `Use it for "how did the June newsletter do?" or "which A/B version won?"; find the id with list_orchestrations. Default range: the last ${DEFAULT_STATS_DAYS} days; ` +
    `A/B versions get a verdict only when each has at least ${AB_MIN_DELIVERED} delivered. Unusual days (a rate far from its usual value, a recurring send gone silent) are listed when found. ` +
    'With compare_to "previous_period", also how each figure moved since the same number of days before (one request still). Returns a short report and the figures as structured data.',
  input,
  output,
  ui: "stats",
  handler: async ({ orchestration_id, from, to, group_by, compare_to, project, project_key }, ctx) => {
    const { services } = ctx.in({ project, project_key });
    const report = await fetchStatsReport(services, { orchestration_id, from, to, groupBy: group_by, projectKey: project_key, compareTo: compare_to }, ctx.until);
    const link = linkTo(report.uri, report.name ?? report.orchestration_id);
    const index = services.handles.for(orchestrationResource);
    index.add(report.orchestration_id, report.name);
    const handle = index.handle(report.orchestration_id);
    const room = services.config.maxResultChars - link.uri.length - link.name.length;
    return toolResult(statsText(report, { handle, maxChars: room }), { ...report }, [link]);
  },
});
