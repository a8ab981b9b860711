#!/usr/bin/env node
// Entry point: read the configuration, build the server, serve it over stdio.

import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { loadConfig } from "./config.js";
import { buildServer, createServices } from "./mcp/server.js";

const config = loadConfig(process.env, process.argv.slice(2));
const services = createServices(config);
const server = buildServer(services);
await server.connect(new StdioServerTransport());
for (const warning of config.warnings) services.log("warn", warning);
