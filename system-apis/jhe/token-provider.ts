/**
 * The gateway's practitioner token for JHE, cached and renewed before it expires. However
 * many requests wait at once, only one token request is in flight.
 *
 * JHE states a token's lifetime relative to when it issued it (`expires_in`), so we count
 * from the moment we asked. The renewal margin covers what that cannot: the time a request
 * spends in flight after we checked the token, and a JHE clock that runs ahead of ours
 * (a minute ahead must not turn the token's last minute into 401s).
 */

/** A token as JHE issued it. */
export interface IssuedToken {
  accessToken: string;
  /** Seconds from issue; absent means JHE did not say. */
  expiresIn?: number;
}

/** How the provider gets tokens and judges their expiry. */
export interface TokenProviderOptions {
  /** Asks JHE for a fresh token (client credentials). */
  requestToken: () => Promise<IssuedToken>;
  /** Renew this long before expiry. Default two minutes. */
  marginMs?: number;
  /** Lifetime assumed when JHE does not state one. Default one hour. */
  defaultLifetimeMs?: number;
  /** The clock, in epoch milliseconds; tests move it. */
  now?: () => number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** Hands out a bearer token valid for at least the margin. */
export class TokenProvider {
  private cached?: CachedToken;
  private pending?: Promise<CachedToken>;
  private readonly marginMs: number;
  private readonly defaultLifetimeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenProviderOptions) {
    this.marginMs = options.marginMs ?? 120_000;
    this.defaultLifetimeMs = options.defaultLifetimeMs ?? 3_600_000;
    this.now = options.now ?? Date.now;
  }

  /** A bearer token valid for at least the margin; joins a renewal already under way. */
  async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt - this.marginMs > this.now()) {
      return this.cached.value;
    }
    this.pending ??= this.renew().finally(() => {
      this.pending = undefined;
    });
    return (await this.pending).value;
  }

  /** Forgets the cached token after JHE refused it, unless it was already replaced. */
  invalidate(rejected: string): void {
    if (this.cached?.value === rejected) this.cached = undefined;
  }

  private async renew(): Promise<CachedToken> {
    const requestedAt = this.now();
    const issued = await this.options.requestToken();
    const lifetimeMs = issued.expiresIn === undefined
      ? this.defaultLifetimeMs
      : issued.expiresIn * 1000;
    this.cached = { value: issued.accessToken, expiresAt: requestedAt + lifetimeMs };
    return this.cached;
  }
}
