/**
 * A scripted JHE for system-API tests: each call is answered by the test's own function,
 * except the practitioner's client-credentials token requests, which get a fresh token
 * unless the test scripts those too. Nothing here opens a socket.
 */
import { silentLogger } from '../../shared/logging/logger.ts';
import type { OutboundRequest, OutboundResponse, Transport } from '../../shared/http/transport.ts';
import { createJheSystemApi, type JheSystemApiOptions } from '../../system-apis/jhe/index.ts';
import { JheClient } from '../../system-apis/jhe/jhe-client.ts';
import { practitionerConfiguration } from '../../system-apis/jhe/oauth-config.ts';
import { practitionerTokenRequester } from '../../system-apis/jhe/practitioner-token.ts';
import { TokenProvider } from '../../system-apis/jhe/token-provider.ts';

export type Answer = (request: OutboundRequest) => OutboundResponse | Promise<OutboundResponse>;

/** A nominal origin: FakeJhe answers every call itself, so nothing ever connects to it. */
export const FAKE_ORIGIN = 'http://127.0.0.1:9';
/** Shaped like a JHE practitioner key: 16 and 32 characters from [A-Za-z0-9]. */
export const CLIENT = {
  clientId: 'PauseTestClient0', clientSecret: 'TestSecret0000000000000000000000',
};

export class FakeJhe implements Transport {
  readonly kind = 'http';
  readonly calls: OutboundRequest[] = [];
  private issued = 0;

  constructor(private readonly answer: Answer, private readonly tokenAnswer?: Answer) {}

  async send(request: OutboundRequest): Promise<OutboundResponse> {
    this.calls.push(request);
    if (isClientCredentials(request)) {
      return this.tokenAnswer ? this.tokenAnswer(request) : this.freshToken();
    }
    return this.answer(request);
  }

  async close(): Promise<void> {}

  /** Every call except client-credentials token requests. */
  fhirCalls(): OutboundRequest[] {
    return this.calls.filter((call) => !isClientCredentials(call));
  }

  tokenRequests(): OutboundRequest[] {
    return this.calls.filter(isClientCredentials);
  }

  private freshToken(): OutboundResponse {
    this.issued += 1;
    return json(200, { access_token: `t${this.issued}`, expires_in: 1209600,
      token_type: 'Bearer', scope: 'openid email' });
  }
}

function isClientCredentials(request: OutboundRequest): boolean {
  return request.path === '/o/token/'
    && new URLSearchParams(request.rawBody?.text).get('grant_type') === 'client_credentials';
}

/** A JheClient on the fake, with the production token path (openid-client included). */
export function clientFor(fake: FakeJhe, now?: () => number): JheClient {
  const config = practitionerConfiguration(
    { origin: FAKE_ORIGIN, transport: fake, timeoutMs: 1000 }, CLIENT);
  const tokens = new TokenProvider({ requestToken: practitionerTokenRequester(config), now });
  return new JheClient(fake, tokens, '/FHIR/R5', 1000);
}

/** The whole system API on the fake, validating its own responses. */
export async function apiFor(
  fake: FakeJhe,
  options: Partial<JheSystemApiOptions> & { fhirBasePath?: string } = {},
) {
  const { fhirBasePath = '/FHIR/R5', ...rest } = options;
  return createJheSystemApi({
    jhe: { baseUrl: FAKE_ORIGIN, ...CLIENT, fhirBasePath, timeoutMs: 1000 },
    logger: silentLogger(),
    validateResponses: true,
    transport: fake,
    ...rest,
  });
}

export function json(status: number, body: unknown): OutboundResponse {
  return { status, headers: { 'content-type': 'application/json' }, body };
}

/** The form fields of a recorded form post. */
export function formOf(request: OutboundRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.rawBody?.text ?? ''));
}
