/**
 * openid-client failures become the JHE system API's codes here, at one seam. The cause we
 * keep for the log is rebuilt from the failure's kind, status and OAuth error name only:
 * openid-client attaches response bodies to its errors, and a token response body holds
 * tokens, which must never reach a log line.
 */
import { ClientError, ResponseBodyError, WWWAuthenticateChallengeError } from 'openid-client';
import type { ApiError } from '../../shared/errors/problem.ts';
import { TransportError } from '../../shared/http/transport.ts';
import { jheProblem, type JheCode } from './jhe-codes.ts';

/** Which OAuth call failed; a refusal means something different in each. */
export type OAuthCall = 'client-credentials' | 'invitation-grant' | 'token-exchange';

/** What JHE's OAuth answer said, without its body. */
interface Refusal {
  status?: number;
  error?: string;
}

const REFUSED: Record<OAuthCall, JheCode> = {
  'client-credentials': 'JHE.AUTH_FAILED',
  'invitation-grant': 'JHE.INVITATION_GRANT_REJECTED',
  'token-exchange': 'JHE.TOKEN_EXCHANGE_REJECTED',
};

/** Maps a failed openid-client call to an ApiError. */
export function oauthFailure(call: OAuthCall, error: unknown): ApiError {
  const transport = transportCause(error);
  if (transport) {
    const code = transport.reason === 'timeout' ? 'UPSTREAM.TIMEOUT' : 'UPSTREAM.UNAVAILABLE';
    return jheProblem(code, new Error(`${call}: ${transport.message}`));
  }
  if (error instanceof ClientError && error.code === 'OAUTH_TIMEOUT') {
    return jheProblem('UPSTREAM.TIMEOUT', new Error(`${call}: timed out`));
  }
  const refusal = refusalOf(error);
  return jheProblem(codeFor(call, refusal), new Error(describe(call, error, refusal)));
}

function codeFor(call: OAuthCall, refusal: Refusal): JheCode {
  const { status } = refusal;
  // A 200 that openid-client would not accept (bad token_type, id_token claims).
  if (status === undefined) return 'JHE.BAD_RESPONSE';
  if (status >= 500) return 'UPSTREAM.FAILED';
  // The exchange endpoint answers 401 both for our client and for a bad id_token signature.
  if (call === 'token-exchange' && /invalid_client|client auth/i.test(refusal.error ?? '')) {
    return 'JHE.AUTH_FAILED';
  }
  return REFUSED[call];
}

/** The status and OAuth error name, from whichever error class openid-client threw. */
function refusalOf(error: unknown): Refusal {
  if (error instanceof ResponseBodyError) return { status: error.status, error: error.error };
  if (error instanceof WWWAuthenticateChallengeError) {
    const parameters = error.cause?.[0]?.parameters as Record<string, string> | undefined;
    return { status: error.status, error: parameters?.error };
  }
  // "Not a conform response": a non-200 whose body is no OAuth error (an HTML 500 page).
  const cause = (error as { cause?: unknown })?.cause;
  if (error instanceof ClientError && cause instanceof Response) return { status: cause.status };
  return {};
}

function transportCause(error: unknown): TransportError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof TransportError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(call: OAuthCall, error: unknown, refusal: Refusal): string {
  const kind = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown })?.code;
  const parts = [`${call}:`, kind];
  if (typeof code === 'string') parts.push(code);
  if (refusal.status !== undefined) parts.push(String(refusal.status));
  if (refusal.error) parts.push(refusal.error.slice(0, 200));
  // openid-client's own messages are fixed sentences, never response content.
  if (refusal.status === undefined && error instanceof Error) parts.push(`(${error.message})`);
  return parts.join(' ');
}
