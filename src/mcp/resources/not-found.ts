// "No such resource", said the way each protocol era expects: -32602 with the URI as its only
// data in 2026-07-28 (the SDK's ResourceNotFoundError), and this server's handshake-era
// answer unchanged (-32002, MCP's old resource-not-found code) for clients that know it.

import { ProtocolError, ResourceNotFoundError } from "@modelcontextprotocol/server";
import type { Era } from "../speaker.js";

/** MCP's handshake-era "resource not found" error code. */
export const LEGACY_RESOURCE_NOT_FOUND = -32002;

/** `legacyData`: what the handshake-era answer carried (kept as it was). */
export function resourceNotFound(era: Era, uri: string, message: string, legacyData?: Record<string, unknown>): ProtocolError {
  if (era === "modern") return new ResourceNotFoundError(uri, message);
  return new ProtocolError(LEGACY_RESOURCE_NOT_FOUND, message, legacyData);
}
