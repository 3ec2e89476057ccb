/** Vendor connections in the `vendor_connections` table, tokens sealed. */
import { fromRecord, toRecord, type ConnectionRecord } from '../connection-record.ts';
import type { VendorConnection, VendorConnectionStore } from '../ports.ts';
import type { KeyRing } from '../token-cipher.ts';
import type { Database } from './database.ts';

interface ConnectionRow {
  patient_id: string;
  vendor: string;
  key_id: string;
  sealed_tokens: string;
  scopes: string;
  expires_at: string | null;
  status: ConnectionRecord['status'];
  last_error: string | null;
  updated_at: string;
}

const COLUMNS =
  'patient_id, vendor, key_id, sealed_tokens, scopes, expires_at, status, last_error, updated_at';

/** The SQLite {@link VendorConnectionStore}. */
export class SqliteConnectionStore implements VendorConnectionStore {
  constructor(
    private readonly db: Database,
    private readonly ring: KeyRing,
  ) {}

  async get(patientId: string, vendor: string): Promise<VendorConnection | undefined> {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM vendor_connections WHERE patient_id = ? AND vendor = ?`)
      .get(patientId, vendor) as ConnectionRow | undefined;
    return row && fromRecord(this.ring, fromRow(row));
  }

  async put(connection: VendorConnection): Promise<VendorConnection> {
    const record = toRecord(this.ring, connection, new Date());
    const slots = COLUMNS.split(',').map(() => '?').join(', ');
    this.db
      .prepare(`INSERT OR REPLACE INTO vendor_connections (${COLUMNS}) VALUES (${slots})`)
      .run(...toRow(record));
    return fromRecord(this.ring, record);
  }

  async delete(patientId: string, vendor: string): Promise<boolean> {
    const result = this.db
      .prepare('DELETE FROM vendor_connections WHERE patient_id = ? AND vendor = ?')
      .run(patientId, vendor);
    return result.changes > 0;
  }

  async list(vendor?: string): Promise<VendorConnection[]> {
    const order = 'ORDER BY vendor, patient_id';
    const rows = (vendor === undefined
      ? this.db.prepare(`SELECT ${COLUMNS} FROM vendor_connections ${order}`).all()
      : this.db.prepare(`SELECT ${COLUMNS} FROM vendor_connections WHERE vendor = ? ${order}`)
        .all(vendor)) as ConnectionRow[];
    return rows.map((row) => fromRecord(this.ring, fromRow(row)));
  }
}

function toRow(record: ConnectionRecord): unknown[] {
  return [
    record.patientId, record.vendor, record.keyId, record.sealedTokens,
    JSON.stringify(record.scopes), record.expiresAt ?? null, record.status,
    record.lastError ?? null, record.updatedAt,
  ];
}

function fromRow(row: ConnectionRow): ConnectionRecord {
  const record: ConnectionRecord = {
    patientId: row.patient_id,
    vendor: row.vendor,
    keyId: row.key_id,
    sealedTokens: row.sealed_tokens,
    scopes: JSON.parse(row.scopes) as string[],
    status: row.status,
    updatedAt: row.updated_at,
  };
  if (row.expires_at !== null) record.expiresAt = row.expires_at;
  if (row.last_error !== null) record.lastError = row.last_error;
  return record;
}
