/**
 * The OAuth clients the sandbox knows, standing in for applications registered with Oura,
 * and the scopes Oura defines (shared/reference/wearables-omh.md, section 4.1).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** A registered confidential client. */
export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  /** Redirect URIs accepted at `/oauth/authorize`; absent means any http(s) URI. */
  redirectUris?: readonly string[];
}

/** The client the sandbox accepts unless told otherwise; it guards nothing real. */
export const DEFAULT_SANDBOX_CLIENT: SandboxClient = {
  clientId: 'pause-gateway-sandbox',
  clientSecret: 'oura-sandbox-client-secret',
};

/** Every scope Oura API v2 defines. */
export const OURA_SCOPES: readonly string[] = [
  'email', 'personal', 'daily', 'heartrate', 'workout', 'tag', 'session', 'spo2Daily',
];

/** The client with this id, if registered. */
export function findClient(
  clients: readonly SandboxClient[],
  clientId: unknown,
): SandboxClient | undefined {
  return typeof clientId === 'string'
    ? clients.find((client) => client.clientId === clientId)
    : undefined;
}

/** Whether the client may be sent back to `uri` after authorisation. */
export function redirectAllowed(client: SandboxClient, uri: unknown): uri is string {
  if (typeof uri !== 'string') return false;
  if (client.redirectUris) return client.redirectUris.includes(uri);
  try {
    return ['http:', 'https:'].includes(new URL(uri).protocol);
  } catch {
    return false;
  }
}

/** Compares a presented secret with the client's in constant time. */
export function secretMatches(client: SandboxClient, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(client.clientSecret));
}
