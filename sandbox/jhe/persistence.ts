/**
 * Keeps the sandbox's state in a JSON file across restarts: loaded once at start, and
 * rewritten after mutations by writing a temporary file and renaming it over the old one,
 * so a crash leaves either the old or the new state, never half of one. Writes are
 * batched over a short delay and flushed on close.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { isStoreState, type StoreState } from './store-state.ts';
import type { JheStore } from './store.ts';

/** Where `npm start` keeps the sandbox's data (`var/` is git-ignored). */
export const DEFAULT_DATA_FILE = join(PROJECT_ROOT, 'var', 'jhe-sandbox.json');

/** How long mutations are gathered before one write, at the least. */
const WRITE_DELAY_MS = 20;
/**
 * Each write rewrites the whole file, so a large sandbox (a year of 5-minute data is over
 * 100 MB) would spend its time writing: the next write waits ten times as long as the last
 * one took, up to this long, keeping writes under a tenth of the time. A crash then loses
 * at most this much, which a sandbox can afford.
 */
const MAX_WRITE_DELAY_MS = 5_000;

/**
 * The state saved in a file, or undefined when there is no file yet.
 * @throws Error when the file exists but is not a state this sandbox wrote.
 */
export function loadStateFile(file: string): StoreState | undefined {
  if (!existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isStoreState(parsed)) {
    throw new Error(`${file} is not a JHE sandbox data file of this version; move it aside`);
  }
  return parsed;
}

/** Writes the whole state atomically. */
export function writeStateFile(file: string, state: StoreState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}

/** Follows a store's mutations and mirrors them into a file. */
export class StateFileWriter {
  private readonly file: string;
  private readonly store: JheStore;
  private timer: NodeJS.Timeout | undefined;
  private lastWriteMs = 0;
  private readonly onExit = () => this.flush();

  constructor(file: string, store: JheStore) {
    this.file = file;
    this.store = store;
    store.onChange(() => this.schedule());
    // A process that ends without closing the sandbox still gets its last writes.
    process.on('exit', this.onExit);
  }

  /** Flushes and stops following the process exit. */
  close(): void {
    this.flush();
    process.off('exit', this.onExit);
  }

  /** Writes now if anything is pending. */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  private schedule(): void {
    if (this.timer) return;
    const delay = Math.min(MAX_WRITE_DELAY_MS, Math.max(WRITE_DELAY_MS, this.lastWriteMs * 10));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, delay);
    // A pending write must not keep a finished test process alive; close() flushes it.
    this.timer.unref();
  }

  private write(): void {
    const started = performance.now();
    writeStateFile(this.file, this.store.snapshot());
    this.lastWriteMs = performance.now() - started;
  }
}
