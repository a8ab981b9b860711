// Fernwood Germany (fictional): the second demo project, with its own orchestrations and
// one web app's in-app campaigns. German names, so text with umlauts is exercised, and a
// few findings of its own for the audit.

import type { DemoInappRow } from "./demo-inapp.js";
import type { DemoOrchestrationRow } from "./demo-orchestrations.js";

const P = ["push"];
const E = ["email"];
const S = ["sms"];

export const DEMO_GERMANY_ORCHESTRATIONS: DemoOrchestrationRow[] = [
  { name: "Wöchentlicher Angebots-Newsletter", type: "recurring", status: "running", channels: E, created: 300, labels: ["NEWSLETTER"], every: ["WEEKLY", 1], end: 200 },
  { name: "Treuepunkte: Monatsauszug", type: "recurring", status: "running", channels: E, created: 400, labels: ["LOYALTY"], every: ["MONTHLY", 1], finding: "recurring with no end" },
  { name: "Frühlingsaktion: 15 % auf Obst", type: "campaign", status: "completed", channels: [...P, ...E], created: 100, labels: ["PROMO"] },
  { name: "Neuer Markt in Köln-Ehrenfeld", type: "campaign", status: "running", channels: P, created: 2, labels: ["LOCAL"] },
  { name: "Sommerfest-Countdown", type: "campaign", status: "running", channels: P, created: 70, labels: ["SEASONAL"], end: -10, finding: "running past its end time" },
  { name: "Adventskalender-Vorschau", type: "campaign", status: "stopped", channels: [...P, ...S], created: 150, labels: ["SEASONAL"] },
  { name: "Umfrage zu Lieferzeiten", type: "campaign", status: "draft", channels: E, created: 220, finding: "old draft, unlabeled" },
  { name: "Willkommensserie", type: "trigger", status: "running", channels: [...E, ...P], created: 500, labels: ["ONBOARDING"], steps: 3 },
  { name: "Warenkorb vergessen", type: "trigger", status: "running", channels: P, created: 260, labels: ["RETENTION"], steps: 2 },
  { name: "E-Mail-IP-Aufwärmphase", type: "warmup", status: "completed", channels: E, created: 600, every: ["DAILY", 1], end: -560 },
];

export const DEMO_GERMANY_WEB_INAPP: DemoInappRow[] = [
  { name: "Willkommen bei Fernwood", live: true, created: 300, when: "next_session", capping: 1, every: [1, "DAYS"] },
  { name: "Newsletter-Anmeldung", live: true, created: 90, when: "now", capping: 2, every: [7, "DAYS"], fromApi: true },
  { name: "Sommerfest-Banner", live: true, created: 70, end: -10, when: "now", every: [12, "HOURS"], finding: "live past its end date" },
  { name: "Test: Cookie-Hinweis", live: true, created: 20, devOnly: true, when: "now", every: [1, "HOURS"], finding: "dev-only campaign left live" },
  { name: "Black-Friday-Vorschau", live: false, created: 8, end: 45, when: "now", every: [1, "DAYS"], finding: "draft" },
];
