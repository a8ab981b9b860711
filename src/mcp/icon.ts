// The server's icon for clients that show one: a small inline SVG (a megaphone on Batch's
// blue), as a data URI so no client has to fetch anything from the network.

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#2f5bff"/>' +
  '<path d="M14 28h8l20-10v28L22 36h-8z" fill="#fff"/><path d="M22 36l4 12h6l-3-11" fill="#fff" opacity=".8"/>' +
  '<path d="M47 24a10 10 0 0 1 0 16" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"/></svg>';

export const BATCH_ICON = `data:image/svg+xml;base64,${Buffer.from(SVG).toString("base64")}`;
