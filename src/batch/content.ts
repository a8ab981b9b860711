// What a campaign says: per-language copy of a push campaign (the 2.x view route) or of an
// in-app campaign (the v1.1 landing), in one model. Batch's pages do not show the message
// fields of the view answer, so `readMessages` looks for copy wherever it sits: entries in
// arrays (`messages[].languages[]`), maps keyed by language (`contents: {en: {...}}`), or
// one object (`content: {title}`); copy may sit on an entry or one level down, and links or
// images set on an ancestor apply to the copy below it. Fields it does not read are kept.

import { firstOf, isRecord, str, type Json } from "./json.js";
import type { InappCampaign } from "./inapp-campaign.js";

export interface ContentButton {
  label?: string;
  /** What the button does, as Batch names it ("batch.deeplink", "batch.dismiss", "deeplink"). */
  action?: string;
  /** Where it leads, when it leads somewhere. */
  url?: string;
}

export interface ContentMessage {
  /** Lower-case language code as Batch gave it ("en", "pt-br"); "default" when the copy names none. */
  language: string;
  title?: string;
  body?: string;
  deeplink?: string;
  image?: string;
  buttons: ContentButton[];
  /** The channel named above the copy ("push"), when the answer names one. */
  channel?: string;
  /** The A/B version it belongs to ("a", "b"), when the answer has versions. */
  version?: string;
  /** Fields of the copy this server does not read (subtitle, sound...), exactly as they came. */
  extra?: Json;
}

export type ContentKind = "orchestration" | "inapp_campaign";

export interface CampaignContent {
  kind: ContentKind;
  /** The orchestration id, or the in-app campaign token. */
  id: string;
  name?: string;
  status?: string;
  type?: string;
  start_time?: string;
  /** Whether it can still reach users: a running orchestration, a live in-app campaign. */
  live: boolean;
  messages: ContentMessage[];
  /** Oddities noticed while reading (no copy found where it was expected). */
  warnings: string[];
  /** The object exactly as Batch returned it. */
  raw: Json;
}

export const DEFAULT_LANGUAGE = "default";

// Spellings of each field, most likely first.
const TITLE = ["title", "headline"];
const BODY = ["body", "message", "text", "alert", "content"];
const DEEPLINK = ["deeplink", "deep_link", "deeplink_url", "url", "link", "target_url"];
const IMAGE = ["image", "image_url", "picture", "picture_url", "big_picture", "media"];
const BUTTONS = ["buttons", "actions", "ctas", "cta"];
const LANGUAGE = ["language", "lang", "locale"];
const VERSION = ["version", "variant"];
const READ = new Set([...TITLE, ...BODY, ...DEEPLINK, ...IMAGE, ...BUTTONS, ...LANGUAGE, ...VERSION, "channel"]);

// Subtrees that never hold copy: descending into them would only find false copy.
const NOT_COPY = new Set(["targeting", "query", "segments", "labels", "recurrence", "trigger", "capping", "stats", "platforms", "channels", "raw"]);
// "en", "fr", "pt-BR", "zh_Hant": a key naming a language in a map of copy (two letters keep "ios", "web" out).
const LANGUAGE_KEY = /^(?:[a-z]{2}(?:[-_][a-z0-9]{2,4})?|default)$/i;
// Deep enough for versions[].messages[].languages[].content; a guard against odd bodies, not a limit to reach.
const MAX_DEPTH = 8;

/** What an ancestor says about the copy below it. */
interface Inherited {
  language?: string;
  channel?: string;
  version?: string;
  deeplink?: string;
  image?: string;
}

function text(record: Json, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string") return value;
  }
  return undefined;
}

function hasCopy(record: Json): boolean {
  return text(record, TITLE) !== undefined || text(record, BODY) !== undefined;
}

/** An image as a string, an object with a URL (`{url}`, `{picture}`), or the first of a list. */
function imageOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(imageOf).find((v) => v !== undefined);
  if (!isRecord(value)) return undefined;
  return str(firstOf(value, "picture", "image", "image_url", "big_picture", "url", "src"));
}

function deeplinkOf(record: Json): string | undefined {
  for (const key of DEEPLINK) {
    const value = record[key];
    if (typeof value === "string") return value;
    if (isRecord(value) && typeof value.url === "string") return value.url;
  }
  return undefined;
}

function buttonOf(value: unknown): ContentButton | undefined {
  if (typeof value === "string") return { label: value };
  if (!isRecord(value)) return undefined;
  const nested = isRecord(value.action) ? value.action : undefined;
  const args = isRecord(value.args) ? value.args : nested && isRecord(nested.args) ? nested.args : undefined;
  const label = str(firstOf(value, "label", "text", "title", "name"));
  const action = str(value.action) ?? str(value.type) ?? (nested && str(firstOf(nested, "type", "action", "name")));
  const url =
    str(firstOf(value, "url", "deeplink", "deep_link", "link", "href")) ??
    (nested && str(firstOf(nested, "url", "deeplink", "link", "href"))) ??
    (args && str(firstOf(args, "l", "url", "link", "deeplink", "href")));
  return { ...(label !== undefined && { label }), ...(action !== undefined && { action }), ...(url !== undefined && { url }) };
}

function buttonsOf(record: Json): ContentButton[] {
  const found = firstOf(record, ...BUTTONS);
  const list = Array.isArray(found) ? found : found === undefined ? [] : [found];
  return list.map(buttonOf).filter((b): b is ContentButton => b !== undefined);
}

function languageOf(value: unknown): string | undefined {
  const code = str(value)?.trim();
  return code ? code.toLowerCase().replace(/_/g, "-") : undefined;
}

function extraOf(record: Json): Json | undefined {
  const extra: Json = {};
  for (const key in record) if (!READ.has(key)) extra[key] = record[key];
  return Object.keys(extra).length ? extra : undefined;
}

/** What a record says about itself and the copy below it, over what its ancestors said. */
function inherit(record: Json, from: Inherited, keyedLanguage?: string): Inherited {
  const deeplink = deeplinkOf(record);
  const image = imageOf(firstOf(record, ...IMAGE));
  const channel = str(record.channel)?.toLowerCase();
  const version = str(firstOf(record, ...VERSION));
  const language = languageOf(firstOf(record, ...LANGUAGE)) ?? keyedLanguage;
  return {
    ...from,
    ...(language !== undefined && { language }),
    ...(channel !== undefined && { channel }),
    ...(version !== undefined && { version }),
    ...(deeplink !== undefined && { deeplink }),
    ...(image !== undefined && { image }),
  };
}

function message(record: Json, from: Inherited): ContentMessage {
  const own = inherit(record, from);
  const title = text(record, TITLE);
  const body = text(record, BODY);
  const extra = extraOf(record);
  return {
    language: own.language ?? DEFAULT_LANGUAGE,
    ...(title !== undefined && { title }),
    ...(body !== undefined && { body }),
    ...(own.deeplink !== undefined && { deeplink: own.deeplink }),
    ...(own.image !== undefined && { image: own.image }),
    buttons: buttonsOf(record),
    ...(own.channel !== undefined && { channel: own.channel }),
    ...(own.version !== undefined && { version: own.version }),
    ...(extra && { extra }),
  };
}

/** `keyed`: the node sits under a language key (`contents.fr`), so it is that language's copy. */
function walk(node: unknown, from: Inherited, depth: number, out: ContentMessage[], keyed = false): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, from, depth + 1, out);
    return;
  }
  if (!isRecord(node)) return;
  if (hasCopy(node)) {
    out.push(message(node, from));
    return;
  }
  const below = inherit(node, from);
  const before = out.length;
  for (const key in node) {
    const value = node[key];
    if (NOT_COPY.has(key) || BUTTONS.includes(key) || !(isRecord(value) || Array.isArray(value))) continue;
    const keyedLanguage = isRecord(value) && LANGUAGE_KEY.test(key) ? languageOf(key) : undefined;
    if (keyedLanguage === undefined) walk(value, below, depth + 1, out);
    else walk(value, inherit({}, below, keyedLanguage), depth + 1, out, true);
  }
  // A language's entry that holds no copy at all is an empty language, not nothing.
  const language = keyed || (depth > 0 && firstOf(node, ...LANGUAGE) !== undefined);
  if (out.length === before && language) out.push(message(node, from));
}

/** Every piece of copy found under `node`, in the order it appears. */
export function readMessages(node: unknown): ContentMessage[] {
  const out: ContentMessage[] = [];
  walk(node, {}, 0, out);
  return out;
}

export const NO_COPY_FOUND = "Batch's answer held no message copy this server recognises (see the raw object).";
const NO_LANDING = "Batch's answer has no `landing` (the list omits it; the GET by token returns it).";

/** An in-app campaign's copy, read from the `landing` the GET by token returns. */
export function inappContent(campaign: InappCampaign): CampaignContent {
  const landing = campaign.raw.landing;
  const messages = readMessages(landing);
  const warnings = landing === undefined ? [NO_LANDING] : messages.length ? [] : [NO_COPY_FOUND];
  return {
    kind: "inapp_campaign",
    id: campaign.token,
    name: campaign.name,
    live: campaign.live,
    messages,
    warnings,
    raw: campaign.raw,
  };
}
