// Secrets (REST key, app API key) must never leave the process in text. Every string
// built from a URL, a response body or a low-level error passes through a redactor.

export type Redactor = (text: string) => string;

export const REDACTED = "[redacted]";

export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  // Also catch the URL-encoded form, which is how the API key appears in a request path.
  const needles = [...new Set(secrets.flatMap((s) => (s ? [s, encodeURIComponent(s)] : [])))]
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (text) => text;
  return (text) => needles.reduce((out, needle) => out.split(needle).join(REDACTED), text);
}
