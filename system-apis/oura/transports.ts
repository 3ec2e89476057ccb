/**
 * One pooled HTTP transport per origin: Oura serves data and tokens from
 * `api.ouraring.com`, but the token and revocation URLs are configured apart and may sit
 * elsewhere (the sandbox, a proxy).
 */
import { HttpTransport, type Transport } from '../../shared/http/transport.ts';

/** Transports keyed by origin, created on first use. */
export class TransportsByOrigin {
  private readonly transports = new Map<string, Transport>();

  /** The transport for `url`'s origin. */
  for(url: string): Transport {
    const { origin } = new URL(url);
    let transport = this.transports.get(origin);
    if (!transport) {
      transport = new HttpTransport(origin);
      this.transports.set(origin, transport);
    }
    return transport;
  }

  /** Closes every transport created so far. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.transports.values()].map((transport) => transport.close()));
  }
}
