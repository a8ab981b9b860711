// `npm run demo`: a scripted assistant session against the demo workspace, through the
// real SDK client over stdio, printing what the assistant would see at each step: listings,
// rankings, this month against last, one campaign in full and the audit prompt.
// Steps whose tool, resource or prompt this build lacks say so instead of failing.

import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client } from "@modelcontextprotocol/client";
import type { CallToolResult } from "@modelcontextprotocol/client";
import { fileURLToPath } from "node:url";

const SERVER = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const MAX_LINES = 40;
const NOT_AVAILABLE = "(not available in this build)";

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);

function step(title: string, request: string): void {
  console.log(`\n${bold(`== ${title}`)}\n${dim(`assistant -> ${request}`)}\n`);
}

/** Long output is cut so one step does not scroll the others away. */
function show(text: string): void {
  const lines = text.split("\n");
  console.log(lines.slice(0, MAX_LINES).join("\n"));
  if (lines.length > MAX_LINES) console.log(dim(`... (${lines.length - MAX_LINES} more lines)`));
}

function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === "text" ? c.text : c.type === "resource_link" ? `[link] ${c.uri}` : `[${c.type}]`)).join("\n");
}

/** Resource URIs a result points to: its resource_link items, else its items' `uri`. */
function resourceUris(result: CallToolResult): string[] {
  const linked = result.content.flatMap((c) => (c.type === "resource_link" ? [c.uri] : []));
  const items = Object.values(result.structuredContent ?? {}).flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : []));
  const listed = items.flatMap((item) => {
    const uri = typeof item === "object" && item !== null ? (item as { uri?: unknown }).uri : undefined;
    return typeof uri === "string" ? [uri] : [];
  });
  return [...linked, ...listed];
}

const transport = new StdioClientTransport({ command: process.execPath, args: [SERVER, "--demo"], stderr: "ignore" });
const client = new Client({ name: "batch-mcp-demo", version: "1.0.0" });
await client.connect(transport);
const capabilities = client.getServerCapabilities() ?? {};

step("What the server offers", "tools/list");
const { tools } = await client.listTools();
for (const tool of tools) console.log(`- ${bold(tool.name)}: ${(tool.description ?? "").split(". ")[0]}.`);
const hasTool = (name: string) => tools.some((t) => t.name === name);

const calls: [title: string, tool: string, args: Record<string, unknown>][] = [
  ["Which projects can I ask about?", "list_projects", {}],
  ["Which orchestrations are running?", "list_orchestrations", { status: ["running"] }],
  ["Which in-app campaigns are live, on every app?", "list_inapp_campaigns", { live: true }],
  ["And what is running in Germany?", "list_orchestrations", { project: "Fernwood Germany", status: ["running"] }],
  ["Which running sends did best on opens this month?", "compare_orchestrations", { status: ["running"] }],
  ["Is anything bouncing badly?", "compare_orchestrations", { status: ["running"], rank_by: "bounce_rate" }],
];
const links: string[] = [];
let listed: CallToolResult | undefined;
const results: CallToolResult[] = [];

async function play(title: string, tool: string, args: Record<string, unknown>): Promise<CallToolResult | undefined> {
  step(title, `tools/call ${tool} ${JSON.stringify(args)}`);
  if (!hasTool(tool)) {
    console.log(NOT_AVAILABLE);
    return undefined;
  }
  const result = (await client.callTool({ name: tool, arguments: args })) as CallToolResult;
  links.push(...resourceUris(result));
  results.push(result);
  show(textOf(result));
  return result;
}

for (const [title, tool, args] of calls) {
  const result = await play(title, tool, args);
  if (tool === "list_orchestrations") listed ??= result;
}

/** An orchestration's id from the listing above, by name. */
function idNamed(name: string): string | undefined {
  const items = (listed?.structuredContent as { orchestrations?: Array<{ id?: unknown; name?: unknown }> } | undefined)?.orchestrations ?? [];
  const id = items.find((o) => o.name === name)?.id;
  return typeof id === "string" ? id : undefined;
}

// Period over period: one orchestration against the month before, then every running send by its fall in opens.
const recipes = idNamed("Sunday recipe ideas");
if (recipes) await play('"Did Sunday recipe ideas do better this month than last?"', "get_orchestration_stats", { orchestration_id: recipes, compare_to: "previous_period" });
await play("Which running sends lost the most opens since last month?", "compare_orchestrations", { status: ["running"], compare_to: "previous_period", order: "drop" });

/** The handle of the first one-time push campaign a listing showed: what get_campaign_content can read. */
function firstPushCampaign(listed: readonly CallToolResult[]): string | undefined {
  for (const result of listed) {
    const items = (result.structuredContent as { orchestrations?: unknown } | undefined)?.orchestrations;
    if (!Array.isArray(items)) continue;
    for (const item of items as Array<{ type?: string; channels?: string[]; handle?: string }>) {
      if (item.type === "campaign" && item.channels?.includes("push") && item.handle) return item.handle;
    }
  }
  return undefined;
}

const uri = links[0];
step("Reading one campaign in full", `resources/read ${uri ?? "batch://..."}`);
if (!capabilities.resources || !uri) {
  console.log(NOT_AVAILABLE);
} else {
  const { contents } = await client.readResource({ uri });
  show(contents.map((c) => ("text" in c ? c.text : `[${c.mimeType ?? "blob"}]`)).join("\n"));
}

const pushHandle = firstPushCampaign(results);
step("What does that push campaign say?", `tools/call get_campaign_content ${JSON.stringify({ id: pushHandle ?? "..." })}`);
if (!hasTool("get_campaign_content") || !pushHandle) {
  console.log(NOT_AVAILABLE);
} else {
  show(textOf((await client.callTool({ name: "get_campaign_content", arguments: { id: pushHandle } })) as CallToolResult));
}

step("The audit prompt", "prompts/get audit_campaigns");
const prompts = capabilities.prompts ? (await client.listPrompts()).prompts : [];
if (!prompts.some((p) => p.name === "audit_campaigns")) {
  console.log(NOT_AVAILABLE);
} else {
  const { messages } = await client.getPrompt({ name: "audit_campaigns", arguments: {} });
  show(messages.map((m) => `[${m.role}] ${m.content.type === "text" ? m.content.text : `[${m.content.type}]`}`).join("\n"));
  step("The audit, looking at performance", 'prompts/get audit_campaigns {"scope":"orchestrations","performance":"true"}');
  const perf = await client.getPrompt({ name: "audit_campaigns", arguments: { scope: "orchestrations", performance: "true" } });
  show(perf.messages.map((m) => (m.content.type === "text" ? m.content.text : `[${m.content.type}]`)).join("\n"));
  step("The audit, looking at copy", 'prompts/get audit_campaigns {"content":"true"}');
  const copy = await client.getPrompt({ name: "audit_campaigns", arguments: { content: "true" } });
  // The copy findings sit among the others (most severe first): show the copy scan and those findings only.
  const text = copy.messages.map((m) => (m.content.type === "text" ? m.content.text : `[${m.content.type}]`)).join("\n");
  const scan = text.split("\n").filter((l) => /^Scanned: (copy|not audited for copy)/.test(l));
  const COPY_RULE = /^\d+\. \[\w+\] .*\((copy-empty-language|inapp-button-without-action|tag-without-default|insecure-link|missing-language|push-copy-too-long|push-without-deeplink|duplicate-copy)\): /;
  const findings = text.split("\n\n").filter((block) => COPY_RULE.test(block)).map((block) => block.replace(/\n`{3,}$/, ""));
  show([scan.join("\n"), ...findings].join("\n\n"));
}

console.log(`\n${dim("Sample data from the fictional demo workspace. Set BATCH_REST_API_KEY, BATCH_PROJECT_KEY and BATCH_API_KEY to use your own project.")}`);
await client.close();
