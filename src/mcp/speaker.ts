// What every registration gets: the server instance to register on, the protocol era it
// serves and whose requests it answers. The SDK builds one instance per stdio connection or
// per HTTP request from the same factory, so an era-dependent answer (resource-not-found's
// code) and the caller's grant (which projects they may use) are decided here, once.

import type { McpRequestContext, McpServer } from "@modelcontextprotocol/server";
import type { Grant } from "../projects/index.js";

export type Era = McpRequestContext["era"];

export interface Speaker {
  server: McpServer;
  era: Era;
  /** The projects the caller may use: all over stdio or without authentication, those of
   *  their token over HTTP. */
  grant: Grant;
}
