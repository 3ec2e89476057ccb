/**
 * The SQLite schema, created on open and versioned, so that a later release can tell an
 * old file from a new one and migrate it step by step.
 */
import type { Database } from './database.ts';

/** The version this code writes. */
export const SCHEMA_VERSION = 3;

/** Each entry takes a file from the version before it to its own index + 1. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE vendor_connections (
    patient_id    TEXT NOT NULL,
    vendor        TEXT NOT NULL,
    key_id        TEXT NOT NULL,
    sealed_tokens TEXT NOT NULL,
    scopes        TEXT NOT NULL,
    expires_at    TEXT,
    status        TEXT NOT NULL CHECK (status IN ('connected', 'revoked', 'error')),
    last_error    TEXT,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (patient_id, vendor)
  );
  CREATE INDEX vendor_connections_by_vendor ON vendor_connections (vendor, patient_id);

  CREATE TABLE watermarks (
    account_key TEXT NOT NULL,
    data_type   TEXT NOT NULL,
    value       TEXT NOT NULL,
    sort_key    TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (account_key, data_type)
  );

  CREATE TABLE idempotency (
    key        TEXT PRIMARY KEY,
    value      TEXT,
    expires_at INTEGER
  );
  CREATE INDEX idempotency_by_expiry ON idempotency (expires_at);

  CREATE TABLE locks (
    name       TEXT PRIMARY KEY,
    token      TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );

  CREATE TABLE jobs (
    name            TEXT NOT NULL,
    id              TEXT NOT NULL,
    data            TEXT NOT NULL,
    max_attempts    INTEGER NOT NULL,
    backoff         TEXT NOT NULL,
    attempts_made   INTEGER NOT NULL DEFAULT 0,
    state           TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'completed')),
    due_at          INTEGER,
    lease_token     TEXT,
    first_failed_at TEXT,
    last_failed_at  TEXT,
    last_error      TEXT,
    enqueued_at     TEXT NOT NULL,
    finished_at     INTEGER,
    PRIMARY KEY (name, id)
  );
  CREATE INDEX jobs_due ON jobs (name, state, due_at);
  CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state = 'completed';

  CREATE TABLE dead_letters (
    name            TEXT NOT NULL,
    job_id          TEXT NOT NULL,
    data            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    reason          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    max_attempts    INTEGER NOT NULL,
    backoff         TEXT NOT NULL,
    first_failed_at TEXT NOT NULL,
    last_failed_at  TEXT NOT NULL,
    PRIMARY KEY (name, job_id)
  );
  CREATE INDEX dead_letters_by_time ON dead_letters (last_failed_at);
  `,
  // 2: data points JHE cannot store yet are held, not dropped.
  `
  CREATE TABLE held_data_points (
    identifier TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL,
    vendor     TEXT NOT NULL,
    schema_id  TEXT NOT NULL,
    data_point TEXT NOT NULL,
    held_at    TEXT NOT NULL,
    sort_key   TEXT NOT NULL,
    reason     TEXT NOT NULL
  );
  CREATE INDEX held_data_points_by_time ON held_data_points (sort_key, identifier);
  CREATE INDEX held_data_points_by_patient
    ON held_data_points (patient_id, sort_key, identifier);
  `,
  // 3: per-account sync status, recorded by the background worker after each run.
  `
  CREATE TABLE sync_status (
    account_key          TEXT NOT NULL,
    data_type            TEXT NOT NULL,
    vendor               TEXT NOT NULL,
    patient_id           TEXT NOT NULL,
    last_run_at          TEXT,
    last_success_at      TEXT,
    last_failure_at      TEXT,
    error_code           TEXT,
    error_message        TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    watermark            TEXT,
    fetched              INTEGER NOT NULL DEFAULT 0,
    stored               INTEGER NOT NULL DEFAULT 0,
    duplicate            INTEGER NOT NULL DEFAULT 0,
    rejected             INTEGER NOT NULL DEFAULT 0,
    skipped              INTEGER NOT NULL DEFAULT 0,
    held                 INTEGER NOT NULL DEFAULT 0,
    dead_lettered        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_key, data_type)
  );
  CREATE INDEX sync_status_by_vendor ON sync_status (vendor, account_key, data_type);
  CREATE INDEX sync_status_by_patient ON sync_status (patient_id, account_key, data_type);
  `,
];

/**
 * Brings the file up to {@link SCHEMA_VERSION} in one transaction.
 *
 * @throws Error when the file was written by a newer version of this code
 */
export function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');

  const upgrade = db.transaction(() => {
    const found = currentVersion(db);
    if (found > SCHEMA_VERSION) {
      throw new Error(
        `state database has schema version ${found}, newer than ${SCHEMA_VERSION} that this ` +
          'code knows: run the newer release or point it at another file',
      );
    }
    for (let version = found; version < SCHEMA_VERSION; version += 1) db.exec(MIGRATIONS[version]);
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
  });
  // IMMEDIATE: two processes opening a fresh file at once must not both create tables.
  upgrade.immediate();
}

function currentVersion(db: Database): number {
  const row = db.prepare('SELECT version FROM schema_version').get() as
    | { version: number }
    | undefined;
  return row?.version ?? 0;
}
