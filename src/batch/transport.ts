// One HTTP GET over a keep-alive pool. undici is imported on first use so that the
// server answers `initialize` without loading the HTTP stack.

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  header(name: string): string | undefined;
  body: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

type Undici = typeof import("undici");
let undici: Promise<{ lib: Undici; agent: InstanceType<Undici["Agent"]> }> | undefined;

function loadUndici() {
  undici ??= import("undici").then((mod: Undici & { default?: Undici }) => {
    // Node gives CommonJS named exports; the esbuild bundle only gives `default`.
    const lib = mod.default ?? mod;
    return {
      lib,
      // Timeouts are enforced by the caller's signal; these only stop idle sockets lingering.
      agent: new lib.Agent({ keepAliveTimeout: 10_000, connections: 16, headersTimeout: 0, bodyTimeout: 0 }),
    };
  });
  return undici;
}

export const undiciTransport: Transport = async ({ url, headers, signal }) => {
  const { lib, agent } = await loadUndici();
  const response = await lib.request(url, { method: "GET", headers, signal, dispatcher: agent });
  const body = await response.body.text();
  return {
    status: response.statusCode,
    header(name) {
      const value = response.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
    body,
  };
};
