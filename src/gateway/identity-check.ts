import type { Actor } from '../platform/access.ts';
import { AppError } from '../platform/errors.ts';
import type { ActorAssertion } from '../platform/internal-auth.ts';

// The gateway checks a caller's access token once, with identity's contract (`verifyAccessToken` through its
// HTTP client, src/modules/identity/remote.ts: timeout, retries, breaker, contract_calls_total), and forwards what
// it found as an actor assertion. A refusal (401 TOKEN_EXPIRED, INVALID_TOKEN, a suspended account's 403...)
// travels as is. Identity unreachable is a refusal of kind `unavailable`: a public route then serves the caller
// anonymously, a protected one answers 503, as one process would with its database down.

export type TokenCheck = (token: string) => Promise<ActorAssertion>;

export function identityTokenCheck(verifyAccessToken: (token: string) => Promise<Actor>): TokenCheck {
  return async (token) => {
    try {
      return { actor: await verifyAccessToken(token) };
    } catch (error) {
      if (error instanceof AppError && (error.kind === 'unauthenticated' || error.kind === 'forbidden')) {
        return { refused: { kind: error.kind, code: error.code, message: error.message } };
      }
      return { refused: { kind: 'unavailable', code: 'SERVICE_UNAVAILABLE', message: 'Sign-in cannot be checked right now; try again shortly' } };
    }
  };
}
