/**
 * Sealing of OAuth tokens at rest with AES-256-GCM (node:crypto).
 *
 * Each sealed box records the id of the key that sealed it, so keys can rotate: the
 * current key seals, and any key still listed by id can open. GCM authenticates as well
 * as encrypts, so a wrong key or a changed byte fails to open instead of yielding noise.
 * The caller binds each box to its record with associated data (vendor and patient), so a
 * box copied onto another patient's row does not open there either.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
/** 96-bit nonces are the size GCM is specified for; random per box. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/** A sealed value and the id of the key that sealed it. */
export interface SealedBox {
  keyId: string;
  /** `v1.<iv>.<tag>.<ciphertext>`, each part base64url. */
  box: string;
}

/** Keys by id; `current` seals, all of them open. */
export interface KeyRing {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/**
 * A sealed box that cannot be opened: its key id is unknown, the key is wrong, or the
 * bytes were changed. Carries the key id, never key material or plaintext.
 */
export class TokenDecryptionError extends Error {
  readonly keyId: string;

  constructor(keyId: string, message: string) {
    super(message);
    this.name = 'TokenDecryptionError';
    this.keyId = keyId;
  }
}

/**
 * Builds a key ring from the current key and any older keys kept for reading.
 *
 * @param currentKeyId - stored beside each new box
 * @param currentKey - exactly 32 bytes
 * @param previousKeys - older keys by id, still accepted for opening
 * @throws RangeError when a key is not 32 bytes or an id is empty or contains `.`
 */
export function createKeyRing(
  currentKeyId: string,
  currentKey: Buffer,
  previousKeys: Record<string, Buffer> = {},
): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const [id, key] of Object.entries(previousKeys)) keys.set(checkId(id), checkKey(id, key));
  keys.set(checkId(currentKeyId), checkKey(currentKeyId, currentKey));
  return { currentKeyId, keys };
}

/** Seals `plaintext` under the ring's current key, bound to `context`. */
export function seal(ring: KeyRing, plaintext: string, context: string): SealedBox {
  const key = ring.keys.get(ring.currentKeyId) as Buffer;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));

  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return { keyId: ring.currentKeyId, box: [FORMAT, ...parts].join('.') };
}

/**
 * Opens a box sealed by {@link seal} with the same `context`.
 *
 * @throws TokenDecryptionError when the key id is unknown or authentication fails
 */
export function open(ring: KeyRing, sealed: SealedBox, context: string): string {
  const key = ring.keys.get(sealed.keyId);
  if (!key) {
    throw new TokenDecryptionError(
      sealed.keyId,
      `no decryption key with id "${sealed.keyId}": supply it to read tokens sealed under it`,
    );
  }
  const [format, iv, tag, ciphertext] = sealed.box.split('.');
  if (format !== FORMAT || ciphertext === undefined) {
    throw new TokenDecryptionError(sealed.keyId, 'sealed tokens are not in a known format');
  }

  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const clear = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final()]);
    return clear.toString('utf8');
  } catch {
    throw new TokenDecryptionError(
      sealed.keyId,
      `tokens sealed under key id "${sealed.keyId}" failed authentication: ` +
        'wrong key or altered data',
    );
  }
}

function checkKey(id: string, key: Buffer): Buffer {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new RangeError(`encryption key "${id}" must be exactly ${KEY_BYTES} bytes`);
  }
  return key;
}

function checkId(id: string): string {
  if (!id || id.includes('.')) throw new RangeError(`invalid key id ${JSON.stringify(id)}`);
  return id;
}
