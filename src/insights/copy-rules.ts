// Copy-audit rules: pure judgement over what campaigns say (push copy from the view route,
// in-app copy from the landing). Same shape as the audit rules (an id, a title stating the
// threshold, a severity, why it matters, and cases naming the campaigns with a note), and
// every threshold is in COPY_LIMITS. No I/O and no clock.

import type { CampaignContent, ContentButton, ContentMessage } from "../batch/content.js";
import { SEVERITIES, type Case, type Severity } from "./audit-rules.js";
import { duplicates, missingLanguages } from "./copy-groups.js";
import { COPY_LIMITS } from "./copy-limits.js";
import { blank, copyContext, quote, readLength, where, type CopyContext } from "./copy-text.js";
import { word } from "../text/quote.js";

export { COPY_LIMITS } from "./copy-limits.js";
export { charCount, copyContext, readLength, type CopyContext } from "./copy-text.js";

export interface CopyRule {
  id: string;
  title: string;
  severity: Severity;
  appliesTo: "content";
  /** One sentence for the assistant: why this matters. */
  why: string;
  cases(items: readonly CampaignContent[], ctx: CopyContext): Case<CampaignContent>[];
}

export interface CopyFinding {
  kind: "content";
  rule: CopyRule;
  cases: Case<CampaignContent>[];
}

function isPushCopy(c: CampaignContent, m: ContentMessage): boolean {
  return c.kind === "orchestration" && (m.channel === undefined || m.channel === "push");
}

/** Writes a campaign's problems into `out`. Loops and one array per campaign: the rules run over thousands of messages. */
type Problems = (c: CampaignContent, out: string[], ctx: CopyContext) => void;

/** A per-campaign rule: a campaign with something to say is one case, its problems in the note. */
function perCampaign(problems: Problems) {
  return (items: readonly CampaignContent[], ctx: CopyContext): Case<CampaignContent>[] => {
    const cases: Case<CampaignContent>[] = [];
    for (const item of items) {
      const found: string[] = [];
      problems(item, found, ctx);
      if (found.length) cases.push({ items: [item], note: found.join("; ") });
    }
    return cases;
  };
}

/** A text's read length when it may be over `max`; 0 when it cannot be (the read length is never above text.length). */
function lengthOver(text: string | undefined, max: number, ctx: CopyContext): number {
  return text === undefined || text.length <= max ? 0 : readLength(text, ctx);
}

const tooLong: Problems = (c, out, ctx) => {
  for (const m of c.messages) {
    if (!isPushCopy(c, m)) continue;
    const title = lengthOver(m.title, COPY_LIMITS.pushTitleMaxChars, ctx);
    const body = lengthOver(m.body, COPY_LIMITS.pushBodyMaxChars, ctx);
    if (title > COPY_LIMITS.pushTitleMaxChars) out.push(`${where(m)} title ${title} characters`);
    if (body > COPY_LIMITS.pushBodyMaxChars) out.push(`${where(m)} body ${body} characters`);
  }
};

const TAGGED_FIELDS = ["title", "body", "deeplink"] as const;

const tagsWithoutDefault: Problems = (c, out, ctx) => {
  for (const m of c.messages) {
    for (const field of TAGGED_FIELDS) {
      for (const tag of ctx.tags(m[field] ?? "")) {
        if (tag.attribute === undefined || tag.hasDefault) continue;
        const problem = `${where(m)} ${field}: ${quote(tag.raw)}`;
        if (!out.includes(problem)) out.push(problem);
      }
    }
  }
};

const INSECURE = /^\s*http:\/\//i;

const insecureLinks: Problems = (c, out) => {
  for (const m of c.messages) {
    if (m.deeplink !== undefined && INSECURE.test(m.deeplink)) out.push(`${where(m)} deeplink ${quote(m.deeplink)}`);
    for (const b of m.buttons) if (b.url !== undefined && INSECURE.test(b.url)) out.push(`${where(m)} button ${quote(b.url)}`);
  }
};

const withoutDeeplink: Problems = (c, out) => {
  const push = c.messages.filter((m) => isPushCopy(c, m));
  const linked = push.some((m) => !blank(m.deeplink) || m.buttons.some((b) => !blank(b.url)));
  if (push.length > 0 && !linked) out.push("no deeplink");
};

const LEADS_SOMEWHERE = /deep_?link|url|link/i;

function buttonProblem(b: ContentButton): string | undefined {
  const noUrl = blank(b.url);
  if (!noUrl) return undefined;
  if (blank(b.action)) return "has no action";
  return LEADS_SOMEWHERE.test(b.action ?? "") ? `is a ${word(b.action ?? "")} with no URL` : undefined;
}

const buttonsWithoutAction: Problems = (c, out) => {
  if (c.kind !== "inapp_campaign") return;
  for (const m of c.messages) {
    for (const b of m.buttons) {
      const problem = buttonProblem(b);
      if (problem) out.push(`${where(m)} button ${b.label === undefined ? "(no label)" : quote(b.label)} ${problem}`);
    }
  }
};

const emptyLanguages: Problems = (c, out) => {
  for (const m of c.messages) if (blank(m.title) && blank(m.body)) out.push(`${where(m)} has neither title nor body`);
};

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
    cases: perCampaign(withoutDeeplink),
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
  const ctx = copyContext();
  const findings = rules.flatMap((rule): CopyFinding[] => {
    const cases = rule.cases(contents, ctx);
    return cases.length ? [{ kind: "content", rule, cases }] : [];
  });
  return findings.sort((a, b) => SEVERITIES.indexOf(a.rule.severity) - SEVERITIES.indexOf(b.rule.severity));
}
