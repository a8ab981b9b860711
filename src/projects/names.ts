// Names are what people say ("FR", "fernwood germany"): matched ignoring case, with runs of
// spaces and hyphens alike, so a name with spaces can also be written in an OAuth scope
// (`batch.project:fernwood-germany`), where spaces are not allowed.

import type { AppConfig, ProjectConfig, ProjectsConfig } from "./types.js";

/** The form two names are compared in. */
export function nameKey(name: string): string {
  return name.normalize("NFC").trim().toLowerCase().replace(/[\s-]+/g, "-");
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** The project called `name`, whoever asks (visibility is visibility.ts's business). */
export function findProject(config: ProjectsConfig, name: string): ProjectConfig | undefined {
  return config.projects.find((p) => sameName(p.name, name));
}

export function findApp(project: ProjectConfig, name: string): AppConfig | undefined {
  return project.apps.find((a) => sameName(a.name, name));
}

/** Every key that must never appear in output or logs: REST keys and app API keys. */
export function secretsOf(config: ProjectsConfig): string[] {
  const all = config.projects.flatMap((p) => [p.restApiKey, ...p.apps.map((a) => a.apiKey)]);
  return [...new Set(all.filter((s): s is string => s !== undefined))];
}

const MAX_QUOTED = 80;

/** A name a caller typed, fit for an error sentence: one line, no control or bidi
 *  characters, cut, in quotes. */
export function quoted(name: string): string {
  const clean = name.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, " ").trim();
  return JSON.stringify(clean.length > MAX_QUOTED ? `${clean.slice(0, MAX_QUOTED)}…` : clean);
}
