/**
 * Checking a sync run at the door, the same way for both adapters, so that a run one
 * backend records the other records identically, and one it refuses the other refuses
 * before writing anything.
 */
import { instantNanos } from './instant.ts';
import type { SyncCounts } from './ports.ts';

/** Every counter of a {@link SyncCounts}, in the order stores keep them. */
export const SYNC_COUNT_NAMES: readonly (keyof SyncCounts)[] = [
  'fetched', 'stored', 'duplicate', 'rejected', 'skipped', 'held', 'deadLettered',
];

/** Longest `lastError.message` kept; a longer one is cut, so a status stays small. */
export const SYNC_ERROR_MESSAGE_LIMIT = 500;

/** Longest `lastError.code` kept; codes are short stable words, anything longer is cut. */
const ERROR_CODE_LIMIT = 100;

/** Which account's data of which type a run was about. */
export interface SyncKey {
  vendor: string;
  patientId: string;
  dataType: string;
}

/** A checked key with its account key. */
export interface SyncSubject extends SyncKey {
  accountKey: string;
}

/**
 * The account key of a vendor account: `${vendor}:${patientId}`, e.g. `oura:40001`.
 *
 * @throws TypeError when `vendor` contains `:`, which would make two accounts share a key
 */
export function syncAccountKey(vendor: string, patientId: string): string {
  if (vendor.includes(':')) {
    throw new TypeError(`a vendor name cannot contain ":", got ${JSON.stringify(vendor)}`);
  }
  return `${vendor}:${patientId}`;
}

/** @throws TypeError when a part of the key is not a non-empty string */
export function checkSyncKey(key: SyncKey): SyncSubject {
  for (const part of ['vendor', 'patientId', 'dataType'] as const) {
    const value: unknown = key?.[part];
    if (typeof value !== 'string' || value.length === 0) {
      throw new TypeError(`a sync status key needs a non-empty ${part}`);
    }
  }
  const { vendor, patientId, dataType } = key;
  return { vendor, patientId, dataType, accountKey: syncAccountKey(vendor, patientId) };
}

/**
 * @returns `text` unchanged
 * @throws RangeError when `text` is not an ISO 8601 instant with offset
 */
export function checkSyncInstant(text: string): string {
  instantNanos(text);
  return text;
}

/**
 * Every counter, the absent ones 0.
 *
 * @throws TypeError on a counter name that {@link SyncCounts} does not have
 * @throws RangeError on a value that is not a whole number >= 0
 */
export function checkSyncCounts(counts: Partial<SyncCounts> = {}): SyncCounts {
  for (const name of Object.keys(counts)) {
    if (!(SYNC_COUNT_NAMES as readonly string[]).includes(name)) {
      throw new TypeError(`unknown sync counter ${JSON.stringify(name)}`);
    }
  }
  const full = {} as SyncCounts;
  for (const name of SYNC_COUNT_NAMES) {
    const value = counts[name] ?? 0;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`sync counter ${name} must be a whole number >= 0, got ${value}`);
    }
    full[name] = value;
  }
  return full;
}

/**
 * The error as it is kept: code and message cut to their limits (whole characters, never
 * half a surrogate pair).
 *
 * @throws TypeError when the code or message is not a string, or the code is empty
 */
export function boundSyncError(error: { code: string; message: string }):
  { code: string; message: string } {
  if (typeof error?.code !== 'string' || error.code.length === 0) {
    throw new TypeError('a sync error needs a non-empty code');
  }
  if (typeof error.message !== 'string') throw new TypeError('a sync error needs a message');
  return {
    code: cut(error.code, ERROR_CODE_LIMIT),
    message: cut(error.message, SYNC_ERROR_MESSAGE_LIMIT),
  };
}

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return Array.from(text).slice(0, limit).join('');
}
