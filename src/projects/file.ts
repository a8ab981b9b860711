// Reads BATCH_MCP_CONFIG: a file the server cannot read stops the start with a sentence
// that says why; a file every user of the machine can read (it holds keys) gets a warning.

import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseProjectsConfig, ProjectsConfigError } from "./parse.js";
import type { Env, ProjectsConfig } from "./types.js";

const WHY_UNREADABLE: Record<string, string> = {
  ENOENT: "does not exist.",
  EACCES: "cannot be read: permission denied (the server runs as a user who may not read it).",
  EPERM: "cannot be read: permission denied (the server runs as a user who may not read it).",
  EISDIR: "is a directory, not a JSON file.",
};

function unreadable(file: string, error: unknown): ProjectsConfigError {
  const code = (error as { code?: unknown } | null)?.code;
  const why = (typeof code === "string" && WHY_UNREADABLE[code]) || `cannot be read (${typeof code === "string" ? code : "unknown error"}).`;
  return new ProjectsConfigError(file, undefined, why);
}

/** The warning for a file others may read, if it is one (POSIX modes only: Windows has none). */
export function readableByOthers(file: string, mode: number, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === "win32" || (mode & 0o004) === 0) return undefined;
  const octal = (mode & 0o777).toString(8);
  return `BATCH_MCP_CONFIG file ${file} can be read by every user of this machine (mode ${octal}) and holds Batch keys: chmod 600 it, or write its keys as { "env": "VARIABLE" }.`;
}

export interface LoadedProjects {
  config: ProjectsConfig;
  /** Worth telling the operator, not worth stopping for. */
  warnings: string[];
}

export function loadProjectsFile(file: string, env: Env): LoadedProjects {
  let text: string;
  let mode: number;
  try {
    const fd = openSync(resolve(file), "r");
    try {
      mode = fstatSync(fd).mode;
      text = readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  const warning = readableByOthers(file, mode);
  return { config: parseProjectsConfig(text, file, env), warnings: warning === undefined ? [] : [warning] };
}
