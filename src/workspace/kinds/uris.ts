// The batch:// URIs items are known by: the item cache's keys, the resources' addresses
// and the links' targets, so every room spells them the same way. The default project's
// items live at batch://orchestrations/{id} and batch://inapp-campaigns/{token}; another
// project's carry its name: batch://projects/{project}/orchestrations/{id}.

/** Where the default project's URIs start. */
export const DEFAULT_URI_BASE = "batch://";

/** Where the URIs of a project other than the default one start: its name, percent-encoded. */
export function projectUriBase(projectName: string): string {
  return `${DEFAULT_URI_BASE}projects/${encodeURIComponent(projectName)}/`;
}

export function orchestrationUri(id: string, base = DEFAULT_URI_BASE): string {
  return `${base}orchestrations/${encodeURIComponent(id)}`;
}

export function inappCampaignUri(token: string, base = DEFAULT_URI_BASE): string {
  return `${base}inapp-campaigns/${encodeURIComponent(token)}`;
}

/** An orchestration's copy, as get_campaign_content reads it (one-time push campaigns). */
export function orchestrationContentUri(id: string): string {
  return `${orchestrationUri(id)}/content`;
}
