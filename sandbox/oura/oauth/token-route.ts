/**
 * `POST /oauth/token`: the authorization-code and refresh-token grants (RFC 6749, sections
 * 4.1.3 and 6), with PKCE S256 checked when the code was issued with a challenge (RFC 7636).
 * The client authenticates with HTTP Basic or with `client_id`/`client_secret` in the form.
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { findClient, secretMatches, type SandboxClient } from './clients.ts';
import type { GrantRegistry, TokenSet } from './grants.ts';
import { OAuthSandboxError } from './oauth-error.ts';

type Form = Record<string, unknown>;

/** The token endpoint over the given clients and registry. */
export function tokenRoute(clients: readonly SandboxClient[], grants: GrantRegistry):
  RequestHandler {
  return (req, res) => {
    const client = authenticate(req, clients);
    const form = (req.body ?? {}) as Form;
    let tokens: TokenSet;
    if (form.grant_type === 'authorization_code') {
      tokens = redeemCode(form, client, grants);
    } else if (form.grant_type === 'refresh_token') {
      tokens = refresh(form, client, grants);
    } else {
      throw new OAuthSandboxError(400, 'unsupported_grant_type', 'Unsupported grant_type');
    }
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(tokens);
  };
}

function authenticate(req: Request, clients: readonly SandboxClient[]): SandboxClient {
  const form = (req.body ?? {}) as Form;
  const basic = /^Basic +(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  let [id, secret]: unknown[] = [form.client_id, form.client_secret];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    [id, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)].map(formDecoded);
  }
  const client = findClient(clients, id);
  if (!client || !secretMatches(client, secret)) {
    throw new OAuthSandboxError(401, 'invalid_client', 'Client authentication failed');
  }
  return client;
}

// RFC 6749 (section 2.3.1) form-encodes both halves before Basic encoding.
function formDecoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function redeemCode(form: Form, client: SandboxClient, grants: GrantRegistry): TokenSet {
  const record = typeof form.code === 'string' ? grants.takeCode(form.code) : undefined;
  if (!record || record.grant.clientId !== client.clientId) {
    throw new OAuthSandboxError(400, 'invalid_grant', 'Unknown, used or expired code');
  }
  if (form.redirect_uri !== record.redirectUri) {
    throw new OAuthSandboxError(400, 'invalid_grant', 'redirect_uri does not match');
  }
  if (record.codeChallenge !== undefined && !verifierMatches(form.code_verifier,
    record.codeChallenge)) {
    throw new OAuthSandboxError(400, 'invalid_grant', 'code_verifier does not match');
  }
  return grants.issueTokens(record.grant);
}

function refresh(form: Form, client: SandboxClient, grants: GrantRegistry): TokenSet {
  const grant = typeof form.refresh_token === 'string'
    ? grants.takeRefreshToken(form.refresh_token)
    : undefined;
  if (!grant || grant.clientId !== client.clientId) {
    throw new OAuthSandboxError(400, 'invalid_grant', 'Unknown, used or revoked refresh token');
  }
  return grants.issueTokens(grant);
}

function verifierMatches(verifier: unknown, challenge: string): boolean {
  if (typeof verifier !== 'string') return false;
  return createHash('sha256').update(verifier, 'ascii').digest('base64url') === challenge;
}
