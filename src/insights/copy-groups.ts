// The copy rules that judge a campaign against the others: a language most of them have,
// and the same copy in several live campaigns.

import { DEFAULT_LANGUAGE, type CampaignContent } from "../batch/content.js";
import type { Case } from "./audit-rules.js";
import { COPY_LIMITS } from "./copy-limits.js";
import { blank, quote } from "./copy-text.js";
import { word } from "../text/quote.js";

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

export function missingLanguages(items: readonly CampaignContent[]): Case<CampaignContent>[] {
  const expected = expectedLanguages(items);
  const audited = items.filter((c) => c.messages.length > 0).length;
  return items.flatMap((c) => {
    const has = new Set(c.messages.map((m) => m.language));
    if (c.messages.length === 0 || has.has(DEFAULT_LANGUAGE)) return [];
    const missing = [...expected].filter(([language]) => !has.has(language));
    if (missing.length === 0) return [];
    return [{ items: [c], note: missing.map(([language, n]) => `no copy in ${word(language)} (${n} of ${audited} audited campaigns have it)`).join("; ") }];
  });
}

const norm = (text: string | undefined) => (text ?? "").trim().replace(/\s{2,}|[\t\n\r]/g, " ").toLowerCase();

/** Live campaigns with one title and body, and that title as first written. */
interface Group {
  title: string;
  members: Set<CampaignContent>;
}

export function duplicates(items: readonly CampaignContent[]): Case<CampaignContent>[] {
  // By title, then by body: two flat keys hash faster than one long concatenation.
  const byTitle = new Map<string, Map<string, Group>>();
  for (const c of items) {
    if (!c.live) continue;
    for (const m of c.messages) {
      if (blank(m.title) && blank(m.body)) continue;
      const title = norm(m.title);
      let byBody = byTitle.get(title);
      if (!byBody) byTitle.set(title, (byBody = new Map<string, Group>()));
      const body = norm(m.body);
      const group = byBody.get(body);
      if (group) group.members.add(c);
      else byBody.set(body, { title: m.title ?? "", members: new Set([c]) });
    }
  }
  const seen = new Set<string>();
  const cases: Case<CampaignContent>[] = [];
  for (const g of [...byTitle.values()].flatMap((byBody) => [...byBody.values()])) {
    if (g.members.size < COPY_LIMITS.duplicateMinCampaigns) continue;
    const members = [...g.members];
    // Campaigns sharing copy in several languages are one case, not one per language.
    const who = members.map((c) => `${c.kind}:${c.id}`).sort().join(",");
    if (seen.has(who)) continue;
    seen.add(who);
    cases.push({ items: members, note: g.title.trim() ? `title ${quote(g.title)} with the same body` : "the same body, no title" });
  }
  return cases;
}
