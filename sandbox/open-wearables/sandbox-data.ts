/**
 * The rows the Open Wearables sandbox serves, per OW user and collection, changeable while
 * it runs. The invented sandbox user starts with the sample rows; every other user starts
 * with none, as OW answers for a user without data. Times are read once, when rows are set.
 */
import {
  loadSampleData, toEntries, type Entry, type OwCollection, type SampleData,
} from './sample-data.ts';

/** The sandbox's rows by user. */
export class OwSandboxData {
  private readonly byUser = new Map<string, Partial<SampleData>>();

  /** @param sampleUser - the canonical id of the user who owns the sample rows. */
  constructor(private readonly sampleUser: string) {
    this.reset();
  }

  /** What `user` (canonical id) has in `collection`, in listing order. */
  rows(collection: OwCollection, user: string): readonly Entry[] {
    return this.byUser.get(user)?.[collection] ?? [];
  }

  /**
   * Serves `rows` as all of `user`'s `collection`; returns how many there now are.
   * @throws UnreadableRowError and changes nothing when a row's time cannot be read.
   */
  replace(collection: OwCollection, rows: readonly unknown[], user: string): number {
    return this.store(collection, user, toEntries(collection, rows));
  }

  /** Adds `rows` to `user`'s `collection`, after any rows with the same time. */
  append(collection: OwCollection, rows: readonly unknown[], user: string): number {
    const existing = this.rows(collection, user);
    // Row numbers break ties and sit in cursors, so the added ones continue the sequence.
    const next = existing.reduce((max, entry) => Math.max(max, entry.index + 1), 0);
    const added = toEntries(collection, rows)
      .map((entry) => ({ ...entry, index: entry.index + next }));
    const merged = [...existing, ...added].sort((a, b) => a.at - b.at || a.index - b.index);
    return this.store(collection, user, merged);
  }

  /** Back to the sample rows for the sandbox user and nothing for anyone else. */
  reset(): void {
    this.byUser.clear();
    this.byUser.set(this.sampleUser, loadSampleData());
  }

  private store(collection: OwCollection, user: string, entries: Entry[]): number {
    this.byUser.set(user, { ...this.byUser.get(user), [collection]: entries });
    return entries.length;
  }
}
