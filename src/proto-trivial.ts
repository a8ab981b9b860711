import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
void new McpServer({ name: "x", version: "1" }).connect(new StdioServerTransport());
