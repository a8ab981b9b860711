// The batch:// URIs items are known by: the item cache's keys, the resources' addresses
// and the links' targets, so every room spells them the same way.

export function orchestrationUri(id: string): string {
  return `batch://orchestrations/${encodeURIComponent(id)}`;
}

export function inappCampaignUri(token: string): string {
  return `batch://inapp-campaigns/${encodeURIComponent(token)}`;
}

/** An orchestration's copy, as get_campaign_content reads it (one-time push campaigns). */
export function orchestrationContentUri(id: string): string {
  return `${orchestrationUri(id)}/content`;
}
