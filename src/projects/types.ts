// The projects and apps one server answers for, as read from BATCH_MCP_CONFIG or, without
// it, from the single-project environment variables. Plain data: what the rooms above
// (workspace, mcp, http) look up by name and hand to the Batch client.

export type Env = Record<string, string | undefined>;

export interface AppConfig {
  /** What people call the app ("iOS", "Android"). */
  readonly name: string;
  /** The app's Live API key (v1.1 in-app API, in the URL path). Secret. Undefined only in
   *  environment mode without BATCH_API_KEY: a call then names the variable to set. */
  readonly apiKey: string | undefined;
}

export interface ProjectConfig {
  /** What people call the project ("FR", "Fernwood Germany"). */
  readonly name: string;
  /** Undefined only in environment mode without BATCH_PROJECT_KEY. */
  readonly projectKey: string | undefined;
  /** Secret. Undefined only in environment mode without BATCH_REST_API_KEY. */
  readonly restApiKey: string | undefined;
  /** May be empty: a project used for orchestrations only. */
  readonly apps: readonly AppConfig[];
}

/** A static bearer token limited to some projects (`tokens` mode). */
export interface ProjectToken {
  /** SHA-256 of the token, 64 lowercase hexadecimal digits. */
  readonly sha256: string;
  /** Project names as written in the file, each naming a configured project. */
  readonly projects: readonly string[];
}

export interface ProjectsConfig {
  /** Never empty; names unique (see nameKey). */
  readonly projects: readonly ProjectConfig[];
  /** The name of the project used when a call names none; one of `projects`. */
  readonly defaultProject: string;
  readonly tokens: readonly ProjectToken[];
}
