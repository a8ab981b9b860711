// What the demo workspace's campaigns say (Fernwood Market, fictional): the copy of its
// one-time push campaigns (served by the view route) and of its in-app campaigns (their
// landing), in English and French, with one planted case per copy-audit rule among what the
// audit reads (running and draft push campaigns, live in-app campaigns) and clean campaigns
// around them. Completed campaigns carry cases too, for get_campaign_content to show; the
// audit does not read them. Links point at the reserved .example domain or the app's scheme.

import { inappLanding, pushContent, type InappButton, type InappCopy, type PushCopy } from "./sample-content.js";
import type { Json } from "./types.js";

const SITE = "https://fernwood-market.example";
const CDN = "https://cdn.fernwood-market.example";

interface PushRow {
  en: PushCopy;
  fr: PushCopy;
  /** Copy-audit finding it plants, for the reader of this table (not served). */
  finding?: string;
}

/** By the campaign's name in demo-orchestrations.ts: every one-time push campaign there. */
export const DEMO_PUSH_COPY: Record<string, PushRow> = {
  "New store in Riverside": {
    en: {
      title: "Riverside store now open",
      body: "Hi {{c.firstname|fallback('neighbour')}}, our new Riverside store is open: fresh bread from 7am and free delivery all week.",
      deeplink: "fernwood://stores/riverside",
      image: `${CDN}/push/riverside.jpg`,
    },
    fr: {
      title: "Nouveau magasin à Riverside",
      body: 'Bonjour {{ c.firstname | default: "voisin" }}, le magasin de Riverside est ouvert : pain frais dès 7 h, livraison offerte.',
      deeplink: "fernwood://stores/riverside",
      image: `${CDN}/push/riverside.jpg`,
    },
  },
  "Store closing: Oak Street": {
    en: { title: "Oak Street store closes on Sunday", body: "Thank you for ten years! Your orders move to the Riverside store, same slots, same drivers.", deeplink: "fernwood://stores/riverside" },
    fr: { title: "Le magasin Oak Street ferme dimanche", body: "Merci pour ces dix ans ! Vos commandes passent au magasin de Riverside, mêmes créneaux.", deeplink: "fernwood://stores/riverside" },
  },
  "Spring sale: 20% off fruit": {
    en: {
      title: "Spring sale: 20% off all fruit",
      body:
        "Strawberries, apricots, cherries and the first melons of the season are all 20% off this week only, in every store and for delivery, so fill your basket now and enjoy the spring while it lasts at Fernwood.",
      deeplink: "fernwood://sale/spring",
      image: `${CDN}/push/spring-fruit.jpg`,
    },
    fr: { title: "Soldes de printemps : -20 % sur tous les fruits frais de saison", body: "Fraises, abricots et cerises à -20 % cette semaine.", deeplink: "fernwood://sale/spring" },
    finding: "push copy too long: en body over 178 characters, fr title over 50 (completed: not audited)",
  },
  "Flash weekend: free delivery": {
    en: { title: "{{c.firstname}}, delivery is on us this weekend", body: "Free delivery on every order until Sunday night.", deeplink: "fernwood://delivery" },
    fr: { title: "{{c.firstname|fallback('Bonjour')}}, livraison offerte", body: "Livraison gratuite jusqu'à dimanche soir.", deeplink: "fernwood://delivery" },
    finding: "personalization tag without a default (en title) (completed: not audited)",
  },
  "Summer BBQ countdown": {
    en: { title: "Summer BBQ: 3 days to go", body: "Grills, charcoal and marinated skewers are ready for pickup or delivery.", deeplink: "fernwood://bbq" },
    fr: { title: "Barbecue d'été : J-3", body: "Grills, charbon et brochettes marinées prêts à emporter ou livrés.", deeplink: "fernwood://bbq" },
    finding: "same copy as the live in-app campaign \"Summer BBQ interstitial\"",
  },
  "Black Friday early access": {
    en: {
      title: "Black Friday starts early for you",
      body:
        "Members shop every Black Friday deal a day before everyone else: fresh produce, pantry staples, wine and cheese, kitchenware and gift boxes, all at their lowest price of the year, in store and for delivery, while stocks last.",
      deeplink: "fernwood://black-friday",
    },
    fr: { title: "", body: "", deeplink: "fernwood://black-friday" },
    finding: "empty language: fr has neither title nor body; push copy too long: en body over 178 characters",
  },
  "Holiday opening hours": {
    en: { title: "Holiday opening hours", body: "Stores close at 4pm on Dec 24 and 31 and stay shut on Dec 25 and Jan 1.", deeplink: "http://fernwood-market.example/holiday-hours" },
    fr: { title: "Horaires des fêtes", body: "Fermeture à 16 h les 24 et 31 décembre, fermé les 25 et 1er.", deeplink: "http://fernwood-market.example/holiday-hours" },
    finding: "deeplink on plain http:// (completed: not audited; the in-app \"Loyalty points reminder\" plants the audited case)",
  },
  "Test push do not send": {
    en: { title: "Test", body: "Test push, please ignore." },
    fr: { title: "Test", body: "Test, merci d'ignorer." },
    finding: "push without any deeplink",
  },
};

interface InappRow {
  copy: Record<string, InappCopy>;
  finding?: string;
}

const buttons = (url: string, open: string, later: string): InappButton[] => [
  { label: open, action: "batch.deeplink", url },
  { label: later, action: "batch.dismiss" },
];

/** By the campaign's name in demo-inapp.ts; the others get plain copy (inappCopy below). */
export const DEMO_INAPP_COPY: Record<string, InappRow> = {
  "QA: new checkout modal": {
    copy: {
      en: { title: "A faster checkout", body: "Pay in one tap with your saved card.", buttons: [{ label: "Continue" }] },
      fr: { title: "Un paiement plus rapide", body: "Payez en un geste avec votre carte enregistrée.", buttons: [{ label: "Continuer" }] },
    },
    finding: "in-app button without an action",
  },
  "Turn on delivery notifications": {
    copy: {
      en: { title: "{{c.firstname}}, know when your basket is on its way", body: "Turn on notifications and we will tell you when your driver leaves the store.", buttons: buttons("fernwood://settings/notifications", "Turn on", "Later") },
      fr: { title: "{{c.firstname|fallback('Bonjour')}}, suivez votre livraison", body: "Activez les notifications : nous vous prévenons au départ du livreur.", buttons: buttons("fernwood://settings/notifications", "Activer", "Plus tard") },
    },
    finding: "personalization tag without a default (en title)",
  },
  "Rate your last delivery": {
    copy: { en: { title: "How was your delivery?", body: "Tell us in two taps: it helps your driver.", buttons: buttons("fernwood://orders/last/rate", "Rate it", "Not now") } },
    finding: "missing language: no fr copy",
  },
  "Summer BBQ interstitial": {
    copy: {
      en: { title: "Summer BBQ: 3 days to go", body: "Grills, charcoal and marinated skewers are ready for pickup or delivery.", image: `${CDN}/inapp/bbq.jpg`, buttons: buttons("fernwood://bbq", "Shop BBQ", "Later") },
      fr: { title: "Barbecue d'été : J-3", body: "Grills, charbon et brochettes marinées prêts à emporter ou livrés.", image: `${CDN}/inapp/bbq.jpg`, buttons: buttons("fernwood://bbq", "Voir", "Plus tard") },
    },
    finding: "same copy as the running push \"Summer BBQ countdown\"",
  },
  "Loyalty points reminder": {
    copy: {
      en: { title: "You have points to spend", body: "Your loyalty points pay for part of your next basket.", buttons: buttons("http://fernwood-market.example/loyalty", "See my points", "Later") },
      fr: { title: "Vous avez des points", body: "Vos points fidélité règlent une partie de votre prochain panier.", buttons: buttons("http://fernwood-market.example/loyalty", "Mes points", "Plus tard") },
    },
    finding: "button URL on plain http://",
  },
};

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Plain, clean copy for an in-app campaign with nothing planted. */
function inappCopy(name: string): Record<string, InappCopy> {
  const url = `fernwood://inapp/${slug(name)}`;
  return {
    en: { title: name, body: "See what is new at Fernwood Market.", buttons: buttons(url, "Open", "Not now") },
    fr: { title: name, body: "Découvrez les nouveautés de Fernwood Market.", buttons: buttons(url, "Ouvrir", "Plus tard") },
  };
}

/** The landing the GET by token returns for the demo in-app campaign of this name. */
export function demoLanding(name: string, theme: string): Json {
  return inappLanding(DEMO_INAPP_COPY[name]?.copy ?? inappCopy(name), theme);
}

/** The view route's content for each demo orchestration that has copy, by id. */
export function demoPushContents(orchestrations: readonly Json[]): Record<string, Json> {
  const contents: Record<string, Json> = {};
  for (const item of orchestrations) {
    const row = DEMO_PUSH_COPY[String(item.name)];
    if (row && typeof item.id === "string") contents[item.id] = pushContent({ en: row.en, fr: row.fr }, { updated_date: item.created_date });
  }
  return contents;
}
