/**
 * The OAuth `state` of a connect flow, sealed with AES-256-GCM so that it needs no storage:
 * it names the patient, the scopes asked for, the PKCE verifier and when it expires. Only
 * this gateway can read or forge it (the key is derived from the client secret, so every
 * replica shares it), and the verifier stays secret on its way through the browser.
 * The seal is bound to the client id and redirect URI, so a state from another client
 * configuration does not open. A state opens once per process; a replayed state is
 * refused here, and its code would be refused by Oura anyway.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12 (CSRF and `state`)
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { OuraScope } from './settings.ts';

/** What a state carries. */
export interface AuthorizationState {
  patientId: string;
  scopes: OuraScope[];
  /** The PKCE verifier, when PKCE is on. */
  verifier?: string;
  /** Epoch ms after which the state is refused. */
  expiresAt: number;
  /** Makes each state unique, and lets a used one be recognised. */
  nonce: string;
}

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals and opens states. */
export class StateSealer {
  private readonly key: Buffer;
  private readonly aad: Buffer;
  /** Nonces of states already opened, until they expire. */
  private readonly used = new Map<string, number>();

  constructor(
    clientSecret: string,
    binding: { clientId: string; redirectUri: string },
    private readonly now: () => number,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', clientSecret, 'pause-gateway',
      'oura oauth state v1', 32));
    this.aad = Buffer.from(JSON.stringify([binding.clientId, binding.redirectUri]), 'utf8');
  }

  /** A new sealed state for the fields. */
  seal(fields: Omit<AuthorizationState, 'nonce'>): string {
    const payload: AuthorizationState = { ...fields, nonce: randomBytes(16).toString('base64url') };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(this.aad);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return `${FORMAT}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
  }

  /** The state's fields, once; undefined when it is forged, altered, expired or used. */
  consume(state: string): AuthorizationState | undefined {
    const payload = this.open(state);
    const at = this.now();
    this.forgetExpired(at);
    if (!payload || payload.expiresAt <= at || this.used.has(payload.nonce)) return undefined;
    this.used.set(payload.nonce, payload.expiresAt);
    return payload;
  }

  private open(state: string): AuthorizationState | undefined {
    const [format, box, extra] = state.split('.');
    if (format !== FORMAT || !box || extra !== undefined) return undefined;
    const bytes = Buffer.from(box, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES),
        { authTagLength: TAG_BYTES });
      decipher.setAAD(this.aad);
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const clear = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final()]);
      return JSON.parse(clear.toString('utf8')) as AuthorizationState;
    } catch {
      return undefined;
    }
  }

  private forgetExpired(at: number): void {
    for (const [nonce, expiresAt] of this.used) if (expiresAt <= at) this.used.delete(nonce);
  }
}
