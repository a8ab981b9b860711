// The one refusal both token verifiers throw: the SDK's bearer middleware answers it with
// 401 and a WWW-Authenticate challenge. The message reaches the client: never the token.

import { OAuthError, OAuthErrorCode } from "@modelcontextprotocol/server";

export function invalidToken(message: string): OAuthError {
  return new OAuthError(OAuthErrorCode.InvalidToken, message);
}
