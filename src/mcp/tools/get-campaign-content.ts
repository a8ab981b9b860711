// get_campaign_content: "what does it say?" for one push campaign or in-app campaign.

import { z } from "zod";
import { resolveContentRef } from "../../workspace/content/content-ref.js";
import { projectKeyInput } from "../../workspace/project-key-input.js";
import { campaignContent } from "../campaign-content.js";
import { contentText } from "../format/content.js";
import { linkTo } from "../resources/kind.js";
import { toolError, toolResult } from "../results.js";
import { defineTool } from "../tool-definition.js";

const input = {
  id: z
    .string()
    .min(1)
    .max(500)
    .describe(
      'The campaign: an orchestration\'s handle, id ("orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q") or batch://orchestrations/{id} URI, ' +
        'or an in-app campaign\'s handle, token ("70448bafec76439d534ec98ea7ab712c") or batch://inapp-campaigns/{token} URI. ' +
        "A bare handle is looked up among orchestrations first, then in-app campaigns; the answer says which it was read as.",
    ),
  project_key: projectKeyInput,
};

const button = z.object({
  label: z.string().optional(),
  action: z.string().optional().describe('What it does, as Batch names it ("batch.deeplink", "batch.dismiss").'),
  url: z.string().optional(),
});

const message = z.object({
  language: z.string().describe('Lower-case language code ("en", "pt-br"); "default" when the copy names none.'),
  title: z.string().optional(),
  body: z.string().optional(),
  deeplink: z.string().optional(),
  image: z.string().optional(),
  buttons: z.array(button),
  version: z.string().optional().describe("The A/B version it belongs to, when the campaign has versions."),
  channel: z.string().optional(),
});

const output = {
  kind: z.enum(["orchestration", "inapp_campaign"]),
  id: z.string().describe("The orchestration id or the in-app campaign token."),
  name: z.string().optional(),
  handle: z.string().describe("The short id prefix the text names it by; accepted wherever the id is."),
  uri: z.string().describe("Resource URI of the campaign."),
  content_uri: z.string().optional().describe("batch://orchestrations/{id}/content: this answer as a resource (orchestrations)."),
  type: z.string().optional(),
  status: z.string().optional(),
  start_time: z.string().optional(),
  live: z.boolean().describe("Whether it can still reach users: a running orchestration, a live in-app campaign."),
  messages: z.array(message).describe("The copy, one entry per language (and A/B version), exactly as Batch sent it."),
  warnings: z.array(z.string()).optional(),
  raw: z.record(z.string(), z.unknown()).describe("Batch's answer exactly as returned (the view route's, or the in-app GET by token)."),
};

export const getCampaignContent = defineTool({
  name: "get_campaign_content",
  title: "Get Batch campaign content",
  description:
    "What one campaign says: for each language its title, body (with their lengths), deeplink or buttons, image, and the personalization tags used. " +
    'Use it for "what did the spring sale push say?" or "is the BBQ in-app message translated?". It works for one-time push campaigns (Batch\'s view route, API 2.11+) ' +
    "and in-app campaigns; Batch's API has no copy for email, SMS, recurring or trigger orchestrations. One request to Batch, cached 10 minutes.",
  input,
  output,
  handler: async ({ id, project_key }, ctx) => {
    const { services } = ctx;
    const ref = await resolveContentRef(services, id, ctx.until, project_key);
    const answer = await campaignContent(services, ref, ctx.until, project_key);
    if (!answer.ok) return toolError(answer.sentence);
    const { summary } = answer;
    const link = linkTo(summary.content_uri ?? summary.uri, summary.name ?? summary.handle);
    const room = services.config.maxResultChars - link.uri.length - link.name.length;
    return toolResult(contentText(summary, { decided: ref.decided, maxChars: room }), { ...summary }, [link]);
  },
});
