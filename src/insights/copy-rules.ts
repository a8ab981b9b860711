// Copy-audit rules: pure judgement over what campaigns say (push copy from the view route,
// in-app copy from the landing). Same shape as the audit rules (an id, a title stating the
// threshold, a severity, why it matters, and cases naming the campaigns with a note), and
// every threshold is in COPY_LIMITS. No I/O and no clock.

import type { CampaignContent, ContentButton, ContentMessage } from "../batch/content.js";
import { DEFAULT_LANGUAGE } from "../batch/content.js";
import { personalizationTags } from "../batch/personalization.js";
import { SEVERITIES, type Case, type Severity } from "./audit-rules.js";

/** Every threshold of the copy audit, in one place. */
export const COPY_LIMITS = {
  /** A push title longer than this is cut on an iOS lock screen (guidance: devices and settings vary). */
  pushTitleMaxChars: 50,
  /** A push body longer than this is cut on an iOS lock screen (guidance). */
  pushBodyMaxChars: 178,
  /** A language is expected of every campaign when more than this share of audited campaigns have copy in it... */
  languageShareMin: 0.5,
  /** ...and at least this many campaigns were audited (fewer say nothing about the project). */
  languageMinCampaigns: 3,
  /** Identical title and body in at least this many live campaigns is a duplicate. */
  duplicateMinCampaigns: 2,
  /** Titles quoted in notes are cut to this many characters. */
  noteQuoteChars: 60,
} as const;

export interface CopyRule {
  id: string;
  title: string;
  severity: Severity;
  appliesTo: "content";
  /** One sentence for the assistant: why this matters. */
  why: string;
  cases(items: readonly CampaignContent[]): Case<CampaignContent>[];
}

export interface CopyFinding {
  kind: "content";
  rule: CopyRule;
  cases: Case<CampaignContent>[];
}

/** Characters as a reader counts them: an emoji is one. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Length as read, about: a tag with a quoted default counts as that default (most tags are
 * short, like a first name), any other tag as written.
 */
export function readLength(text: string): number {
  let length = charCount(text);
  for (const tag of personalizationTags(text)) {
    if (tag.defaultText !== undefined) length += charCount(tag.defaultText) - charCount(tag.raw);
  }
  return length;
}

const blank = (text: string | undefined) => text === undefined || text.trim() === "";

/** "en", or "en (version a)" when the campaign has A/B versions. */
function where(m: ContentMessage): string {
  return m.version === undefined ? m.language : `${m.language} (version ${m.version})`;
}

function quote(text: string): string {
  const cut = [...text.trim()];
  return `"${cut.length > COPY_LIMITS.noteQuoteChars ? `${cut.slice(0, COPY_LIMITS.noteQuoteChars - 1).join("")}…` : cut.join("")}"`;
}

function pushMessages(c: CampaignContent): ContentMessage[] {
  return c.kind === "orchestration" ? c.messages.filter((m) => m.channel === undefined || m.channel === "push") : [];
}

/** A per-campaign rule: a campaign with something to say is one case, its problems in the note. */
function perCampaign(problems: (c: CampaignContent) => string[]) {
  return (items: readonly CampaignContent[]): Case<CampaignContent>[] =>
    items.flatMap((item) => {
      const found = problems(item);
      return found.length ? [{ items: [item], note: found.join("; ") }] : [];
    });
}

function tooLong(c: CampaignContent): string[] {
  return pushMessages(c).flatMap((m) => {
    const title = readLength(m.title ?? "");
    const body = readLength(m.body ?? "");
    return [
      ...(title > COPY_LIMITS.pushTitleMaxChars ? [`${where(m)} title ${title} characters`] : []),
      ...(body > COPY_LIMITS.pushBodyMaxChars ? [`${where(m)} body ${body} characters`] : []),
    ];
  });
}

const TAGGED_FIELDS = ["title", "body", "deeplink"] as const;

function tagsWithoutDefault(c: CampaignContent): string[] {
  const seen = new Set<string>();
  for (const m of c.messages) {
    for (const field of TAGGED_FIELDS) {
      for (const tag of personalizationTags(m[field] ?? "")) {
        if (tag.attribute !== undefined && !tag.hasDefault) seen.add(`${where(m)} ${field}: ${tag.raw}`);
      }
    }
  }
  return [...seen];
}

function isInsecure(url: string | undefined): url is string {
  return url !== undefined && /^\s*http:\/\//i.test(url);
}

function insecureLinks(c: CampaignContent): string[] {
  return c.messages.flatMap((m) => [
    ...(isInsecure(m.deeplink) ? [`${where(m)} deeplink ${m.deeplink.trim()}`] : []),
    ...m.buttons.filter((b) => isInsecure(b.url)).map((b) => `${where(m)} button ${b.url?.trim() ?? ""}`),
  ]);
}

function hasAnyLink(messages: readonly ContentMessage[]): boolean {
  return messages.some((m) => !blank(m.deeplink) || m.buttons.some((b) => !blank(b.url)));
}

const LEADS_SOMEWHERE = /deep_?link|url|link/i;

function buttonProblem(b: ContentButton): string | undefined {
  if (blank(b.action) && blank(b.url)) return "has no action";
  if (!blank(b.action) && LEADS_SOMEWHERE.test(b.action ?? "") && blank(b.url)) return `is a ${b.action ?? ""} with no URL`;
  return undefined;
}

function buttonsWithoutAction(c: CampaignContent): string[] {
  if (c.kind !== "inapp_campaign") return [];
  return c.messages.flatMap((m) =>
    m.buttons.flatMap((b) => {
      const problem = buttonProblem(b);
      return problem ? [`${where(m)} button ${b.label === undefined ? "(no label)" : quote(b.label)} ${problem}`] : [];
    }),
  );
}

function emptyLanguages(c: CampaignContent): string[] {
  return c.messages.filter((m) => blank(m.title) && blank(m.body)).map((m) => `${where(m)} has neither title nor body`);
}

/** Languages more than languageShareMin of the campaigns with copy have ("default" is everyone's). */
function expectedLanguages(items: readonly CampaignContent[]): Map<string, number> {
  const withCopy = items.filter((c) => c.messages.length > 0);
  const counts = new Map<string, number>();
  for (const c of withCopy) {
    for (const language of new Set(c.messages.map((m) => m.language))) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  counts.delete(DEFAULT_LANGUAGE);
  if (withCopy.length < COPY_LIMITS.languageMinCampaigns) return new Map();
  return new Map([...counts].filter(([, n]) => n / withCopy.length > COPY_LIMITS.languageShareMin));
}

function missingLanguages(items: readonly CampaignContent[]): Case<CampaignContent>[] {
  const expected = expectedLanguages(items);
  const audited = items.filter((c) => c.messages.length > 0).length;
  return items.flatMap((c) => {
    const has = new Set(c.messages.map((m) => m.language));
    if (c.messages.length === 0 || has.has(DEFAULT_LANGUAGE)) return [];
    const missing = [...expected].filter(([language]) => !has.has(language));
    if (missing.length === 0) return [];
    return [{ items: [c], note: missing.map(([language, n]) => `no copy in ${language} (${n} of ${audited} audited campaigns have it)`).join("; ") }];
  });
}

const norm = (text: string | undefined) => (text ?? "").trim().replace(/\s+/g, " ").toLowerCase();

function duplicates(items: readonly CampaignContent[]): Case<CampaignContent>[] {
  const groups = new Map<string, { title: string; members: Set<CampaignContent> }>();
  for (const c of items) {
    if (!c.live) continue;
    for (const m of c.messages) {
      if (blank(m.title) && blank(m.body)) continue;
      const key = `${norm(m.title)}\u0000${norm(m.body)}`;
      const group = groups.get(key) ?? { title: m.title ?? "", members: new Set<CampaignContent>() };
      group.members.add(c);
      groups.set(key, group);
    }
  }
  const seen = new Set<string>();
  return [...groups.values()].flatMap((g) => {
    const members = [...g.members];
    const who = members.map((c) => `${c.kind}:${c.id}`).sort().join(",");
    if (members.length < COPY_LIMITS.duplicateMinCampaigns || seen.has(who)) return [];
    seen.add(who);
    return [{ items: members, note: g.title.trim() ? `title ${quote(g.title)} with the same body` : "the same body, no title" }];
  });
}

export const COPY_RULES: readonly CopyRule[] = [
  {
    id: "copy-empty-language",
    title: "Languages whose title and body are both empty",
    severity: "high",
    appliesTo: "content",
    why: "Users of that language get a blank message, or none: the language was added and never written.",
    cases: perCampaign(emptyLanguages),
  },
  {
    id: "inapp-button-without-action",
    title: "In-app buttons with no action, or a link action with no URL",
    severity: "high",
    appliesTo: "content",
    why: "A button that does nothing when tapped reads as a bug and loses the user at the moment they chose to act.",
    cases: perCampaign(buttonsWithoutAction),
  },
  {
    id: "tag-without-default",
    title: "Personalization tags naming an attribute with no default or fallback",
    severity: "medium",
    appliesTo: "content",
    why: "Users who lack the attribute see a gap where the value should be (\"Hi ,\"), or may not get the message at all; a default or fallback filter covers them.",
    cases: perCampaign(tagsWithoutDefault),
  },
  {
    id: "insecure-link",
    title: "Deeplinks or button URLs on plain http://",
    severity: "medium",
    appliesTo: "content",
    why: "iOS blocks plain-http loads in apps by default and browsers flag them as not secure: the tap may fail, and the link can be tampered with on the way.",
    cases: perCampaign(insecureLinks),
  },
  {
    id: "missing-language",
    title: `Campaigns with no copy in a language most audited campaigns have (over ${COPY_LIMITS.languageShareMin * 100}% of them, at least ${COPY_LIMITS.languageMinCampaigns} audited)`,
    severity: "medium",
    appliesTo: "content",
    why: "Users of that language get another language's copy (or none), while the rest of the project speaks to them in theirs.",
    cases: missingLanguages,
  },
  {
    id: "push-copy-too-long",
    title: `Push titles over ${COPY_LIMITS.pushTitleMaxChars} or bodies over ${COPY_LIMITS.pushBodyMaxChars} characters (cut on an iOS lock screen; guidance, devices vary)`,
    severity: "low",
    appliesTo: "content",
    why: "What is past the cut is not read on the lock screen, where most pushes are seen; lengths count characters as written, a tag with a quoted default as that default.",
    cases: perCampaign(tooLong),
  },
  {
    id: "push-without-deeplink",
    title: "Push campaigns with no deeplink in any language",
    severity: "low",
    appliesTo: "content",
    why: "A tap then only opens the app where it was left, not the offer or content the push speaks of.",
    cases: perCampaign((c) => (pushMessages(c).length > 0 && !hasAnyLink(pushMessages(c)) ? ["no deeplink"] : [])),
  },
  {
    id: "duplicate-copy",
    title: `The same title and body in ${COPY_LIMITS.duplicateMinCampaigns} or more live campaigns`,
    severity: "low",
    appliesTo: "content",
    why: "Live campaigns saying the same thing usually mean a copy left running by mistake, and users may get the message twice.",
    cases: duplicates,
  },
];

/** Runs the copy rules: findings with at least one case, most severe first (table order within a severity). */
export function runCopyAudit(contents: readonly CampaignContent[], rules: readonly CopyRule[] = COPY_RULES): CopyFinding[] {
  const findings = rules.flatMap((rule): CopyFinding[] => {
    const cases = rule.cases(contents);
    return cases.length ? [{ kind: "content", rule, cases }] : [];
  });
  return findings.sort((a, b) => SEVERITIES.indexOf(a.rule.severity) - SEVERITIES.indexOf(b.rule.severity));
}
