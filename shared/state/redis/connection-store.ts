/** Vendor connections in one Redis hash, tokens sealed. */
import type { Redis } from 'ioredis';
import { fromRecord, toRecord, type ConnectionRecord } from '../connection-record.ts';
import type { VendorConnection, VendorConnectionStore } from '../ports.ts';
import type { KeyRing } from '../token-cipher.ts';
import { pairField, type RedisKeys } from './keys.ts';
import { compareText } from './text-order.ts';

/** The Redis {@link VendorConnectionStore}. */
export class RedisConnectionStore implements VendorConnectionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ring: KeyRing,
  ) {}

  async get(patientId: string, vendor: string): Promise<VendorConnection | undefined> {
    const stored = await this.redis.hget(this.keys.connections, pairField(vendor, patientId));
    return stored === null ? undefined : fromRecord(this.ring, JSON.parse(stored));
  }

  async put(connection: VendorConnection): Promise<VendorConnection> {
    const record = toRecord(this.ring, connection, new Date());
    const field = pairField(record.vendor, record.patientId);
    await this.redis.hset(this.keys.connections, field, JSON.stringify(record));
    return fromRecord(this.ring, record);
  }

  async delete(patientId: string, vendor: string): Promise<boolean> {
    return (await this.redis.hdel(this.keys.connections, pairField(vendor, patientId))) === 1;
  }

  async list(vendor?: string): Promise<VendorConnection[]> {
    const all = await this.redis.hgetall(this.keys.connections);
    const records = Object.values(all)
      .map((stored) => JSON.parse(stored) as ConnectionRecord)
      .filter((record) => vendor === undefined || record.vendor === vendor)
      .sort((a, b) => compareText(a.vendor, b.vendor) || compareText(a.patientId, b.patientId));
    return records.map((record) => fromRecord(this.ring, record));
  }
}
