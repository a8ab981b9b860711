// get_campaign_content's answer: the structured copy (exact, as Batch sent it) and its text,
// one block per language with title, body and their lengths, deeplink, image, buttons and the
// personalization tags used. Every Batch string is quoted (src/text/quote.ts); a long body is
// cut, shorter each time, until the text fits the response budget, so every language shows.

import type { CampaignContent, ContentButton, ContentMessage } from "../../batch/content.js";
import { parseInappCampaign } from "../../batch/inapp-campaign.js";
import type { Orchestration } from "../../batch/orchestration.js";
import { personalizationTags, type PersonalizationTag } from "../../batch/personalization.js";
import { charCount, readLength } from "../../insights/copy-text.js";
import { inline, NAME_CHARS, quote, word } from "../../text/quote.js";
import { orchestrationContentUri } from "../../workspace/kinds/uris.js";
import { NO_CONTENT_ROUTE } from "../error-messages.js";
import { clipLines, compactDate, compactDateTime, plural } from "./text.js";


/** One language (and A/B version) of the copy, as structuredContent carries it. */
export type MessageSummary = Pick<ContentMessage, "language" | "title" | "body" | "deeplink" | "image" | "buttons" | "version" | "channel">;

export interface ContentSummary {
  kind: CampaignContent["kind"];
  id: string;
  name?: string;
  handle: string;
  uri: string;
  content_uri?: string;
  type?: string;
  status?: string;
  start_time?: string;
  live: boolean;
  messages: MessageSummary[];
  warnings?: string[];
  raw: Record<string, unknown>;
}

function messageSummary(m: ContentMessage): MessageSummary {
  const { language, title, body, deeplink, image, buttons, version, channel } = m;
  return {
    language,
    ...(title !== undefined && { title }),
    ...(body !== undefined && { body }),
    ...(deeplink !== undefined && { deeplink }),
    ...(image !== undefined && { image }),
    buttons,
    ...(version !== undefined && { version }),
    ...(channel !== undefined && { channel }),
  };
}

/** structuredContent: every value exactly as Batch sent it. `uri` is the item's resource. */
export function summarizeContent(c: CampaignContent, info: { name?: string | undefined; handle: string; uri: string }): ContentSummary {
  const name = c.name ?? info.name;
  return {
    kind: c.kind,
    id: c.id,
    ...(name !== undefined && { name }),
    handle: info.handle,
    uri: info.uri,
    ...(c.kind === "orchestration" && { content_uri: orchestrationContentUri(c.id) }),
    ...(c.type !== undefined && { type: c.type }),
    ...(c.status !== undefined && { status: c.status }),
    ...(c.start_time !== undefined && { start_time: c.start_time }),
    live: c.live,
    messages: c.messages.map(messageSummary),
    ...(c.warnings.length > 0 && { warnings: c.warnings }),
    raw: c.raw,
  };
}

/** How long each kind of value may be in the text, quotes included. */
const CUTS = { title: 200, url: 300, label: 80, tag: 120, body: [1_200, 400, 160, 60] } as const;

/** "en", or "en (version a)"; "default" when the copy names no language. */
function where(m: MessageSummary): string {
  return m.version === undefined ? word(m.language) : `${word(m.language)} (version ${word(m.version)})`;
}

/** `"Hi {{c.firstname}}" (18 characters)`; with tags that have a quoted default, the length as read too. */
function measured(text: string | undefined, max: number): string {
  if (text === undefined) return "(none)";
  const written = charCount(text);
  const read = readLength(text);
  const length = read === written ? plural(written, "character") : `${plural(written, "character")}, about ${read} as read`;
  return `${quote(text, max)} (${length})`;
}

function buttonText(b: ContentButton): string {
  const label = b.label === undefined ? "(no label)" : quote(b.label, CUTS.label);
  const action = b.action === undefined ? "no action" : word(b.action);
  return [label, action, b.url !== undefined && quote(b.url, CUTS.url)].filter(Boolean).join(" ");
}

function tagText(tag: PersonalizationTag): string {
  const cover = tag.defaultText !== undefined ? `default ${quote(tag.defaultText, CUTS.label)}` : tag.hasDefault ? "with a default" : tag.attribute ? "no default" : undefined;
  return cover ? `${quote(tag.raw, CUTS.tag)} (${cover})` : quote(tag.raw, CUTS.tag);
}

/** Tags in the title, body and deeplink, each once, in order. */
function tagsOf(m: MessageSummary): PersonalizationTag[] {
  const byRaw = new Map<string, PersonalizationTag>();
  for (const text of [m.title, m.body, m.deeplink]) for (const tag of personalizationTags(text ?? "")) if (!byRaw.has(tag.raw)) byRaw.set(tag.raw, tag);
  return [...byRaw.values()];
}

function messageLines(m: MessageSummary, bodyChars: number): string[] {
  const tags = tagsOf(m);
  return [
    `${where(m)}${m.channel !== undefined && m.channel !== "push" ? ` (${word(m.channel)})` : ""}:`,
    `  title ${measured(m.title, CUTS.title)}`,
    `  body ${measured(m.body, bodyChars)}`,
    ...(m.deeplink !== undefined ? [`  deeplink ${quote(m.deeplink, CUTS.url)}`] : []),
    ...(m.image !== undefined ? [`  image ${quote(m.image, CUTS.url)}`] : []),
    ...(m.buttons.length > 0 ? [`  buttons: ${m.buttons.map(buttonText).join("; ")}`] : []),
    `  tags: ${tags.length ? tags.map(tagText).join(", ") : "none"}`,
  ];
}

/** "campaign, running, starts 12 Mar 2026 09:00" or "live, created 5 Sep 2026, ends 12 Nov 2026 14:47". */
function stateText(s: ContentSummary): string {
  if (s.kind === "orchestration") {
    const start = compactDateTime(s.start_time);
    return [s.type && word(s.type), s.status && word(s.status), start && `starts ${start}`].filter(Boolean).join(", ");
  }
  const c = parseInappCampaign(s.raw);
  const created = compactDate(c?.created_date);
  const ends = compactDateTime(c?.end_date);
  return [s.live ? "live" : "not live", c?.dev_only && "dev only", created && `created ${created}`, ends && `ends ${ends}`].filter(Boolean).join(", ");
}

function headLine(s: ContentSummary): string {
  const noun = s.kind === "orchestration" ? "orchestration" : "in-app campaign";
  const name = s.name === undefined ? "(name unknown)" : quote(s.name, NAME_CHARS);
  const languages = s.messages.length ? `${plural(s.messages.length, "language")} (${s.messages.map(where).join(", ")})` : "no copy found";
  return `Copy of ${noun} ${name} (${s.handle}): ${[stateText(s), languages].filter(Boolean).join("; ")}.`;
}

function sourceLine(s: ContentSummary): string {
  const exact = s.content_uri === undefined ? "structuredContent holds" : `structuredContent and ${s.content_uri} hold`;
  return `Batch strings are quoted (escaped, one line each, long ones cut with …); lengths count characters as written, an emoji as one. ${exact} the copy exactly as Batch sent it.`;
}

export interface ContentTextOptions {
  /** How a bare handle or token was read (src/workspace/content/content-ref.ts). */
  decided?: string | undefined;
  maxChars: number;
}

function render(s: ContentSummary, decided: string | undefined, bodyChars: number): string {
  return [
    headLine(s),
    ...(decided !== undefined ? [inline(decided)] : []),
    sourceLine(s),
    ...(s.warnings ?? []).map((w) => `Note: ${inline(w)}`),
    ...s.messages.flatMap((m) => ["", ...messageLines(m, bodyChars)]),
  ].join("\n");
}

const CUT_NOTE = "… (cut here to fit the response budget: structuredContent holds every language in full)";

/** The text within `maxChars`: bodies cut shorter until it fits, then cut at a line (and saying so). */
export function contentText(s: ContentSummary, { decided, maxChars }: ContentTextOptions): string {
  let text = "";
  for (const bodyChars of CUTS.body) {
    text = render(s, decided, bodyChars);
    if (text.length <= maxChars) return text;
  }
  return clipLines(text, maxChars, CUT_NOTE);
}

/** For an orchestration this server listed as a kind the view route does not serve: no request was sent. */
export function noContentRouteText(o: Orchestration, handle: string, gap: string): string {
  const listed = [word(o.type), word(o.status), ...(o.channels.length ? [o.channels.map((c) => word(c)).join("+")] : [])].join(", ");
  return `Batch cannot show the copy of orchestration ${quote(o.name, NAME_CHARS)} (${handle}): ${gap} (as listed: ${listed}; nothing was asked of Batch). ${NO_CONTENT_ROUTE}`;
}
