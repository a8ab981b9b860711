// The SDK builds an Ajv instance when the server is constructed, a few milliseconds of
// start-up, yet the server only validates JSON Schema for elicitation answers, which this
// read-only server never requests. Build it on first use instead.

import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { jsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";

export function lazyJsonSchemaValidator(): jsonSchemaValidator {
  let ajv: AjvJsonSchemaValidator | undefined;
  return { getValidator: (schema) => (ajv ??= new AjvJsonSchemaValidator()).getValidator(schema) };
}
