// Campaign copy for the fake: what the view route adds to a one-time push campaign, in the
// create-campaign shape (`messages[]` with a channel and `languages[]`, the best guess at a
// format Batch's page does not show), and an in-app `landing` with contents keyed by language.

import type { Json } from "./types.js";

export interface PushCopy {
  title?: string;
  body?: string;
  deeplink?: string;
  image?: string;
}

export interface InappButton {
  label?: string;
  /** "batch.deeplink", "batch.dismiss"; absent: a button that does nothing. */
  action?: string;
  url?: string;
}

export interface InappCopy {
  title?: string;
  body?: string;
  image?: string;
  buttons?: InappButton[];
}

function defined(record: Json): Json {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** The view route's content for `setContent`: targeting, then one push message with an entry per language. */
export function pushContent(languages: Record<string, PushCopy>, extra: Json = {}): Json {
  const entries = Object.entries(languages).map(([language, copy]) =>
    defined({ language, title: copy.title, body: copy.body, deeplink: copy.deeplink, media: copy.image === undefined ? undefined : { picture: copy.image } }),
  );
  return { targeting: { segments: ["All users"], platforms: ["ios", "android"] }, messages: [{ channel: "push", languages: entries }], ...extra };
}

/** An in-app `landing` (served by the GET by token only); a button's URL goes in `args.l`, as Batch's deeplink action takes it. */
export function inappLanding(languages: Record<string, InappCopy>, theme = "modal"): Json {
  const actions = (buttons: InappButton[] = []) =>
    buttons.map((b) => defined({ label: b.label, action: b.action, args: b.url === undefined ? undefined : { l: b.url } }));
  const contents = Object.fromEntries(
    Object.entries(languages).map(([language, copy]) => [
      language,
      defined({ title: copy.title, body: copy.body, image: copy.image === undefined ? undefined : { url: copy.image }, actions: actions(copy.buttons) }),
    ]),
  );
  return { theme, contents };
}
