/**
 * What the sandbox's authorization server remembers: authorization codes, access tokens and
 * refresh tokens, each tied to a grant (one user's consent to one client for some scopes).
 * Revoking any token of a grant revokes the grant. Refresh tokens are single use: a refresh
 * hands out a new pair and the old refresh token stops working. Secrets are kept only as
 * SHA-256 digests, so a lookup never compares a secret directly.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** One user's consent to one client. */
export interface Grant {
  id: string;
  clientId: string;
  scopes: readonly string[];
  revoked: boolean;
  /** The sandbox user named at consent (`sandbox_user`), if any. */
  user?: string;
}

/** An authorization code waiting to be exchanged. */
export interface CodeRecord {
  grant: Grant;
  redirectUri: string;
  /** The PKCE S256 challenge, when the client sent one. */
  codeChallenge?: string;
  expiresAt: number;
}

/** A token endpoint answer (RFC 6749, section 5.1). */
export interface TokenSet {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
}

/** Codes live ten minutes, the upper bound RFC 6749 (section 4.1.2) recommends. */
const CODE_LIFETIME_MS = 600_000;

/** The registry of live codes and tokens. */
export class GrantRegistry {
  private readonly codes = new Map<string, CodeRecord>();
  private readonly accessTokens = new Map<string, { grant: Grant; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, Grant>();

  constructor(
    private readonly now: () => number,
    private readonly accessLifetimeSeconds: number,
  ) {}

  /** Records a consent and returns the code that redeems it. */
  issueCode(clientId: string, scopes: readonly string[], redirectUri: string,
    codeChallenge?: string, user?: string): string {
    const grant: Grant = { id: randomUUID(), clientId, scopes: [...scopes], revoked: false,
      user };
    const code = secret('sbx_code');
    this.codes.set(digest(code), { grant, redirectUri, codeChallenge,
      expiresAt: this.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** The code's record, removed so it cannot be used twice; undefined once expired. */
  takeCode(code: string): CodeRecord | undefined {
    const key = digest(code);
    const record = this.codes.get(key);
    this.codes.delete(key);
    return record && record.expiresAt > this.now() ? record : undefined;
  }

  /** A fresh access and refresh token for the grant. */
  issueTokens(grant: Grant): TokenSet {
    const tokens: TokenSet = {
      access_token: secret('sbx_at'),
      token_type: 'bearer',
      expires_in: this.accessLifetimeSeconds,
      refresh_token: secret('sbx_rt'),
      scope: grant.scopes.join(' '),
    };
    this.accessTokens.set(digest(tokens.access_token),
      { grant, expiresAt: this.now() + this.accessLifetimeSeconds * 1000 });
    this.refreshTokens.set(digest(tokens.refresh_token), grant);
    return tokens;
  }

  /** The grant of a live refresh token, which is used up by this call. */
  takeRefreshToken(token: string): Grant | undefined {
    const key = digest(token);
    const grant = this.refreshTokens.get(key);
    this.refreshTokens.delete(key);
    return grant && !grant.revoked ? grant : undefined;
  }

  /** The grant behind an access token that is neither expired nor revoked. */
  resolveAccessToken(token: string): Grant | undefined {
    const entry = this.accessTokens.get(digest(token));
    if (!entry || entry.grant.revoked || entry.expiresAt <= this.now()) return undefined;
    return entry.grant;
  }

  /** Revokes the grant of an access or refresh token; false when the token is unknown. */
  revoke(token: string): boolean {
    const key = digest(token);
    const grant = this.accessTokens.get(key)?.grant ?? this.refreshTokens.get(key);
    if (grant) grant.revoked = true;
    return grant !== undefined;
  }
}

function secret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
