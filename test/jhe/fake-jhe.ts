/** A scripted JHE for client tests: each call is answered by the test's own function. */
import type { OutboundRequest, OutboundResponse, Transport } from '../../shared/http/transport.ts';
import { JheClient } from '../../system-apis/jhe/jhe-client.ts';
import { TokenProvider } from '../../system-apis/jhe/token-provider.ts';

export type Answer = (request: OutboundRequest) => OutboundResponse | Promise<OutboundResponse>;

export class FakeJhe implements Transport {
  readonly kind = 'http';
  readonly calls: OutboundRequest[] = [];

  constructor(private readonly answer: Answer) {}

  async send(request: OutboundRequest): Promise<OutboundResponse> {
    this.calls.push(request);
    if (request.path === '/o/token/') {
      return { status: 200, headers: {}, body: { access_token: `t${this.calls.length}`,
        expires_in: 1209600 } };
    }
    return this.answer(request);
  }

  async close(): Promise<void> {}

  fhirCalls(): OutboundRequest[] {
    return this.calls.filter((call) => call.path !== '/o/token/');
  }
}

export function clientFor(fake: FakeJhe): JheClient {
  const tokens = new TokenProvider({ transport: fake, clientId: 'c', clientSecret: 's',
    timeoutMs: 1000 });
  return new JheClient(fake, tokens, '/FHIR/R5', 1000);
}

export function json(status: number, body: unknown): OutboundResponse {
  return { status, headers: { 'content-type': 'application/json' }, body };
}
