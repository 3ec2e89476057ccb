/**
 * The OAuth client settings of the Oura system API, as given to `createOuraSystemApi`, and
 * the same with every default applied.
 */
import type { components } from '../../../specs/types/oura.ts';

/** A scope Oura defines. */
export type OuraScope = components['schemas']['OuraScope'];

/** The Oura application the gateway is registered as, and where Oura's endpoints are. */
export interface OuraOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Oura: `https://cloud.ouraring.com/oauth/authorize`. */
  authorizeUrl: string;
  /** Oura: `https://api.ouraring.com/oauth/token`. */
  tokenUrl: string;
  /** Registered with Oura; Oura sends the patient back here with `code` and `state`. */
  redirectUri: string;
  /**
   * Oura: `https://api.ouraring.com/oauth/revoke` (as third-party clients use it; not in
   * our reference). Without it, disconnecting only forgets the tokens here.
   */
  revokeUrl?: string;
  /** Asked for when connectOura names none; default {@link DEFAULT_SCOPES}. */
  scopes?: OuraScope[];
  /** Send a PKCE S256 challenge (RFC 7636); default true. */
  pkce?: boolean;
  /** How long a connect flow may take before its state is refused; default 10 minutes. */
  stateTtlMs?: number;
  /** Renew an access token this long before it expires; default 5 minutes. */
  refreshMarginMs?: number;
}

/** Options with every default applied. */
export type ResolvedOAuth = Required<Omit<OuraOAuthOptions, 'revokeUrl'>>
  & Pick<OuraOAuthOptions, 'revokeUrl'>;

/** What the collections read: sleep, activity and readiness need `daily`. */
export const DEFAULT_SCOPES: OuraScope[] = ['daily', 'heartrate', 'workout', 'spo2Daily'];

/** Default renewal margin: covers a request's time in flight and some clock skew. */
export const DEFAULT_REFRESH_MARGIN_MS = 300_000;

/**
 * Applies the defaults and checks the URLs.
 * @throws TypeError naming the first setting that is missing or not an absolute URL.
 */
export function resolveOAuth(options: OuraOAuthOptions): ResolvedOAuth {
  for (const key of ['clientId', 'clientSecret'] as const) {
    if (!options[key]) throw new TypeError(`oauth.${key} is required`);
  }
  for (const key of ['authorizeUrl', 'tokenUrl', 'redirectUri', 'revokeUrl'] as const) {
    const value = options[key];
    if ((value !== undefined || key !== 'revokeUrl') && !URL.canParse(value ?? '')) {
      throw new TypeError(`oauth.${key} must be an absolute URL, got ${JSON.stringify(value)}`);
    }
  }
  return {
    ...options,
    scopes: options.scopes ?? DEFAULT_SCOPES,
    pkce: options.pkce ?? true,
    stateTtlMs: options.stateTtlMs ?? 600_000,
    refreshMarginMs: options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
  };
}
