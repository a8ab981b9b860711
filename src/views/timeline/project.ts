// Which project a bar's orchestration belongs to, so that its statistics are asked of that
// project and not of the default one: the project its URI names
// (batch://projects/{project}/…, which holds after a cursor too), else the listing's own
// project_key; nothing for the default project.

export function projectArgs(uri: string | undefined, projectKey: unknown): Record<string, string> {
  const named = /^batch:\/\/projects\/([^/]+)\//.exec(uri ?? "")?.[1];
  if (named !== undefined) {
    try {
      return { project: decodeURIComponent(named) };
    } catch {
      return {};
    }
  }
  return typeof projectKey === "string" ? { project_key: projectKey } : {};
}
