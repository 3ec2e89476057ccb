/**
 * Options of `createState`, and the defaults past which adapters see only complete values.
 */
import { createKeyRing, type KeyRing } from './token-cipher.ts';

/** Queue timings; tests shorten them, production keeps the defaults. */
export interface QueueTuning {
  /** SQLite: how often an idle pool looks for due jobs. Default 250 ms. */
  pollIntervalMs?: number;
  /**
   * How long a running job's lease lasts without renewal, i.e. how soon a crashed worker's
   * job runs again elsewhere (SQLite lease; BullMQ `lockDuration`). Default 30 s.
   */
  leaseMs?: number;
  /** How long a completed job's id keeps deduplicating enqueues. Default 24 h. */
  retentionMs?: number;
}

/**
 * What `createState` needs. Redis is used when `redisUrl` is given, else the SQLite file.
 *
 * @example
 * ```ts
 * const state = await createState({
 *   sqliteFile: 'var/state.sqlite', redisUrl: process.env.REDIS_URL,
 *   encryptionKey: Buffer.from(process.env.STATE_KEY ?? '', 'base64'), keyId: 'k2025',
 * });
 * ```
 */
export interface StateOptions {
  /** A path, or `:memory:` for a private in-memory database (tests). */
  sqliteFile?: string;
  /** e.g. `redis://127.0.0.1:6379`; selects the Redis adapter. */
  redisUrl?: string;
  /** 32 bytes: seals vendor tokens (AES-256-GCM). */
  encryptionKey: Buffer;
  /** Stored beside each sealed box. Default `k1`. */
  keyId?: string;
  /** Older keys by id, still accepted for reading during a key rotation. */
  previousKeys?: Record<string, Buffer>;
  /** Redis only: prefix of every key, BullMQ's included. Default `pause:`. */
  redisPrefix?: string;
  queue?: QueueTuning;
  /** Errors a worker pool cannot hand to any caller (store errors while polling). */
  onError?: (error: unknown) => void;
}

/** Options with every default applied and the key ring built. */
export interface ResolvedStateOptions {
  ring: KeyRing;
  queue: Required<QueueTuning>;
  onError: (error: unknown) => void;
}

/** Applies the defaults shared by both adapters; checks the keys. */
export function resolveStateOptions(options: StateOptions): ResolvedStateOptions {
  return {
    ring: createKeyRing(options.keyId ?? 'k1', options.encryptionKey, options.previousKeys),
    queue: {
      pollIntervalMs: options.queue?.pollIntervalMs ?? 250,
      leaseMs: options.queue?.leaseMs ?? 30_000,
      retentionMs: options.queue?.retentionMs ?? 86_400_000,
    },
    onError: options.onError ?? warnOnce,
  };
}

/** Default error sink: Node's warning channel, which prints to stderr once per message. */
function warnOnce(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  process.emitWarning(`state worker: ${text}`, { code: 'PAUSE_STATE_WORKER' });
}
