/**
 * openid-client configurations for JHE's OAuth endpoints. JHE's endpoints sit at fixed
 * paths below its origin (django-oauth-toolkit at `/o/`), so no discovery is needed for the
 * grants themselves. Every configuration sends through the layer's transport and has a
 * timeout, because openid-client's own default applies only after discovery.
 */
import {
  allowInsecureRequests, ClientSecretBasic, Configuration, customFetch, None,
} from 'openid-client';
import type { Transport } from '../../shared/http/transport.ts';
import { transportFetch } from './transport-fetch.ts';

/** Where JHE is and how calls to it are made. */
export interface OAuthSettings {
  /** JHE's origin, e.g. `https://jhe.example.org`. */
  origin: string;
  transport: Transport;
  timeoutMs: number;
}

/** A confidential client's credentials. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** DOT's token endpoint: the path ends in a slash, unlike the rest of JHE. */
export const TOKEN_PATH = '/o/token/';
/** JHE's RFC 8693 endpoint (no trailing slash). */
export const TOKEN_EXCHANGE_PATH = '/o/token-exchange';

/**
 * The issuer django-oauth-toolkit names in id_tokens when JHE does not override it: the
 * absolute URL of `/o` on the host it was called at.
 */
export function defaultIssuer(origin: string): string {
  return `${origin}/o`;
}

/** The practitioner API client at `/o/token/`, authenticating with HTTP Basic. */
export function practitionerConfiguration(
  settings: OAuthSettings,
  client: ClientCredentials,
): Configuration {
  const server = {
    issuer: defaultIssuer(settings.origin), token_endpoint: settings.origin + TOKEN_PATH,
  };
  const config = new Configuration(server, client.clientId, undefined,
    ClientSecretBasic(client.clientSecret));
  return prepare(config, settings);
}

/**
 * A public patient app at `/o/token/`; it proves itself with PKCE, not a secret.
 * @param issuer - what JHE puts in the app's id_token `iss`, which openid-client checks.
 */
export function patientAppConfiguration(
  settings: OAuthSettings,
  clientId: string,
  issuer: string,
): Configuration {
  const server = { issuer, token_endpoint: settings.origin + TOKEN_PATH };
  return prepare(new Configuration(server, clientId, undefined, None()), settings);
}

/** The client JHE's `/o/token-exchange` authenticates, with HTTP Basic. */
export function tokenExchangeConfiguration(
  settings: OAuthSettings,
  client: ClientCredentials,
): Configuration {
  const server = {
    issuer: defaultIssuer(settings.origin), token_endpoint: settings.origin + TOKEN_EXCHANGE_PATH,
  };
  const config = new Configuration(server, client.clientId, undefined,
    ClientSecretBasic(client.clientSecret));
  return prepare(config, settings);
}

function prepare(config: Configuration, settings: OAuthSettings): Configuration {
  // Plain http only ever reaches a loopback sandbox or an in-cluster JHE service.
  if (settings.origin.startsWith('http:')) allowInsecureRequests(config);
  config[customFetch] = transportFetch(settings.transport, settings.origin, settings.timeoutMs);
  // openid-client counts in seconds; round up so it never cuts a call shorter than ours.
  config.timeout = Math.ceil(settings.timeoutMs / 1000);
  return config;
}
