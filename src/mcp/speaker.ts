// What every registration gets: the server instance to register on and the protocol era it
// serves. The SDK builds one instance per stdio connection or per HTTP request from the same
// factory, so an era-dependent answer (resource-not-found's code) is decided here, once.

import type { McpRequestContext, McpServer } from "@modelcontextprotocol/server";

export type Era = McpRequestContext["era"];

export interface Speaker {
  server: McpServer;
  era: Era;
}
