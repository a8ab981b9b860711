// Logs go to stderr: stdout is the MCP protocol channel. Every line is redacted.

import type { Redactor } from "./batch/redact.js";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type Logger = (level: LogLevel, message: string) => void;

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createStderrLogger(redact: Redactor, minimum: LogLevel = "info"): Logger {
  return (level, message) => {
    if (ORDER[level] < ORDER[minimum]) return;
    process.stderr.write(`[batch-mcp] ${level}: ${redact(message)}\n`);
  };
}

export const silentLogger: Logger = () => {};
