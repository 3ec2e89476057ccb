/**
 * Client-credentials tokens for JHE: a practitioner API key sent as HTTP Basic to
 * `/o/token/`. The token is cached and renewed before it expires; however many requests
 * wait at once, only one token request is in flight.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { Transport } from '../../shared/http/transport.ts';

export interface TokenProviderOptions {
  transport: Transport;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  /** Renew this long before expiry, so a JHE clock ahead of ours does not cause 401s. */
  marginMs?: number;
  now?: () => number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

export class TokenProvider {
  private cached?: CachedToken;
  private pending?: Promise<CachedToken>;
  private readonly marginMs: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenProviderOptions) {
    this.marginMs = options.marginMs ?? 120_000;
    this.now = options.now ?? Date.now;
  }

  /** A bearer token valid for at least the margin. */
  async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt - this.marginMs > this.now()) {
      return this.cached.value;
    }
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    this.cached = await this.pending;
    return this.cached.value;
  }

  /** Forget the cached token, after JHE refused it. */
  invalidate(rejected: string): void {
    if (this.cached?.value === rejected) this.cached = undefined;
  }

  private async fetchToken(): Promise<CachedToken> {
    const { clientId, clientSecret } = this.options;
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const requestedAt = this.now();
    const response = await this.options.transport.send({
      method: 'POST',
      path: '/o/token/',
      headers: { authorization: `Basic ${basic}`, accept: 'application/json' },
      rawBody: {
        contentType: 'application/x-www-form-urlencoded',
        text: 'grant_type=client_credentials',
      },
      timeoutMs: this.options.timeoutMs,
    });
    const body = response.body as { access_token?: string; expires_in?: number } | undefined;
    if (response.status !== 200 || !body?.access_token) {
      throw new ApiError(502, 'JHE.AUTH_FAILED', 'JHE refused the gateway\'s credentials', {
        cause: new Error(`token endpoint answered ${response.status}`),
      });
    }
    // Expiry counts from when we asked, not when the answer arrived.
    const lifetimeMs = (body.expires_in ?? 3600) * 1000;
    return { value: body.access_token, expiresAt: requestedAt + lifetimeMs };
  }
}
