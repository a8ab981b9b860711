import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { loadConfig } from "./config.js";
import { buildServer, createServices } from "./mcp/server.js";
export async function main() {
const config = loadConfig(process.env, process.argv.slice(2));
const services = createServices(config);
const server = buildServer(services);
await server.connect(new StdioServerTransport());
}
void main();
