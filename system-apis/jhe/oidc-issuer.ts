/**
 * The issuer JHE writes into id_tokens, which openid-client checks on every token response
 * that carries one. django-oauth-toolkit derives it from the host it is called at unless
 * JHE's settings fix it, so the gateway asks JHE's own discovery document rather than
 * guessing, and falls back to DOT's default when JHE does not publish one.
 */
import type { JheClient } from './jhe-client.ts';
import { defaultIssuer } from './oauth-config.ts';

const DISCOVERY_PATH = '/o/.well-known/openid-configuration';

/** Looks the issuer up once; later calls reuse a published answer. */
export class OidcIssuer {
  private published?: string;

  constructor(private readonly client: JheClient, private readonly origin: string) {}

  /** JHE's published issuer, or `<origin>/o` when discovery is unavailable. */
  async issuer(): Promise<string> {
    if (this.published) return this.published;
    const response = await this.client.anonymous({ method: 'GET', path: DISCOVERY_PATH })
      .catch(() => undefined);
    const issuer = (response?.body as { issuer?: unknown } | undefined)?.issuer;
    if (response?.status !== 200 || typeof issuer !== 'string') {
      return defaultIssuer(this.origin);
    }
    this.published = issuer;
    return issuer;
  }
}
