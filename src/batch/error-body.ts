// Batch answers errors in two shapes: v2 `{error_message, error_code}` and v1.1
// `{code, message}`. Anything else (an HTML page from a proxy) yields nothing.

export interface ParsedErrorBody {
  code?: string;
  message?: string;
}

const MAX_MESSAGE_LENGTH = 300;

export function parseErrorBody(body: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {};
  }
  if (typeof json !== "object" || json === null) return {};
  const record = json as Record<string, unknown>;
  const code = record.error_code ?? record.code;
  const message = record.error_message ?? record.message;
  return {
    code: typeof code === "string" || typeof code === "number" ? String(code) : undefined,
    message: typeof message === "string" ? message.slice(0, MAX_MESSAGE_LENGTH) : undefined,
  };
}
