/**
 * Held data points in the `held_data_points` table. Each row keeps the hold instant as a
 * fixed-width sort key, so listing oldest first is an index scan whatever the offsets.
 */
import { instantSortKey } from '../instant.ts';
import type { HeldDataPoint, HeldDataPointQuery, HeldDataPointStore } from '../ports.ts';
import type { Database } from './database.ts';

/** Rows per list when the query names no limit. */
const DEFAULT_LIMIT = 1000;

interface HeldRow {
  identifier: string;
  patient_id: string;
  vendor: string;
  schema_id: string;
  data_point: string;
  held_at: string;
  reason: string;
}

/** The SQLite {@link HeldDataPointStore}. */
export class SqliteHeldDataPointStore implements HeldDataPointStore {
  constructor(private readonly db: Database) {}

  async hold(record: HeldDataPoint): Promise<boolean> {
    const sortKey = instantSortKey(record.heldAt);
    // OR IGNORE: the first hold wins, so a re-ingest leaves the record as it was.
    return this.db
      .prepare(
        'INSERT OR IGNORE INTO held_data_points (identifier, patient_id, vendor, schema_id, ' +
          'data_point, held_at, sort_key, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(record.identifier, record.patientId, record.vendor, record.schema,
        JSON.stringify(record.dataPoint), record.heldAt, sortKey, record.reason)
      .changes === 1;
  }

  async list(query: HeldDataPointQuery = {}): Promise<HeldDataPoint[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.patientId !== undefined) {
      where.push('patient_id = ?');
      params.push(query.patientId);
    }
    if (query.schema !== undefined) {
      where.push('schema_id = ?');
      params.push(query.schema);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT * FROM held_data_points ${filter} ORDER BY sort_key, identifier LIMIT ?`)
      .all(...params, query.limit ?? DEFAULT_LIMIT) as HeldRow[];
    return rows.map(fromRow);
  }

  async get(identifier: string): Promise<HeldDataPoint | undefined> {
    const row = this.db
      .prepare('SELECT * FROM held_data_points WHERE identifier = ?')
      .get(identifier) as HeldRow | undefined;
    return row && fromRow(row);
  }

  async release(identifier: string): Promise<boolean> {
    return this.db
      .prepare('DELETE FROM held_data_points WHERE identifier = ?')
      .run(identifier).changes === 1;
  }
}

function fromRow(row: HeldRow): HeldDataPoint {
  return {
    identifier: row.identifier,
    patientId: row.patient_id,
    vendor: row.vendor,
    schema: row.schema_id,
    dataPoint: JSON.parse(row.data_point) as Record<string, unknown>,
    heldAt: row.held_at,
    reason: row.reason,
  };
}
