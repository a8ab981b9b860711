// Without OAuth (tokens, none), a client that meets a 401 may still look for it: protected-
// resource and authorization-server metadata, then dynamic registration at /register. Those
// paths answer a JSON 404 that says OAuth is off and what to do instead, so the error the
// person finally sees ("Dynamic Client Registration rejected (HTTP 404): …") names the fix.

import type { RequestHandler } from "express";
import { plainError } from "./json-errors.js";

const OAUTH_PATHS = [
  // RFC 9728 and RFC 8414 metadata, and OpenID discovery, with or without a path after them.
  /^\/\.well-known\/(oauth-protected-resource|oauth-authorization-server|openid-configuration)(\/|$)/,
  // OpenID discovery appended to a path (/mcp/.well-known/openid-configuration).
  /\/\.well-known\/openid-configuration$/,
  // The endpoints a client assumes when it finds no metadata.
  /^\/(register|authorize|token)\/?$/,
];

export function oauthOff(description: string): RequestHandler {
  return (req, res, next) => (OAUTH_PATHS.some((path) => path.test(req.path)) ? plainError(res, 404, "not_found", description) : next());
}
