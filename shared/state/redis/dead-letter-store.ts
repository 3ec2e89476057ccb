/** The Redis {@link DeadLetterStore}: letters in a hash, replayed into BullMQ. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DeadLetter, DeadLetterQuery, DeadLetterStore } from '../ports.ts';
import type { DeadLetterRecords, StoredDeadLetter } from './dead-letter-records.ts';
import type { RedisJobQueue } from './job-queue.ts';
import { compareText } from './text-order.ts';

/**
 * How long a replay waits for BullMQ to finish failing the job it replays: the letter is
 * written just before BullMQ removes the failed job, and the id is taken until then.
 */
const SETTLE_WAIT_MS = 5_000;
const SETTLE_STEP_MS = 20;

/** The Redis {@link DeadLetterStore}. */
export class RedisDeadLetterStore implements DeadLetterStore {
  constructor(
    private readonly letters: DeadLetterRecords,
    private readonly queue: RedisJobQueue,
  ) {}

  async list(query: DeadLetterQuery = {}): Promise<DeadLetter[]> {
    const all = await this.letters.all();
    return all
      .filter((letter) => query.name === undefined || letter.name === query.name)
      .sort(newestFirst)
      .slice(0, query.limit ?? 100)
      .map(publicView);
  }

  async get(name: string, jobId: string): Promise<DeadLetter | undefined> {
    const letter = await this.letters.get(name, jobId);
    return letter && publicView(letter);
  }

  async replay(name: string, jobId: string): Promise<boolean> {
    const deadline = Date.now() + SETTLE_WAIT_MS;
    for (;;) {
      const letter = await this.letters.get(name, jobId);
      if (!letter) return false;

      const { added, holder } = await this.queue.add({
        id: letter.jobId, name: letter.name, dataJson: JSON.stringify(letter.data),
        maxAttempts: letter.maxAttempts, backoff: letter.backoff,
      });
      if (added) {
        await this.letters.removeIncarnation(letter);
        return true;
      }
      // Another job holds the id: a newer one (already replayed) means no; the dead one
      // itself means BullMQ has not removed it yet, so wait a moment.
      if (holder !== letter.incarnation || Date.now() > deadline) return false;
      await sleep(SETTLE_STEP_MS);
    }
  }

  async remove(name: string, jobId: string): Promise<boolean> {
    return this.letters.remove(name, jobId);
  }
}

function newestFirst(a: StoredDeadLetter, b: StoredDeadLetter): number {
  return compareText(b.lastFailedAt, a.lastFailedAt) || compareText(a.name, b.name) ||
    compareText(a.jobId, b.jobId);
}

function publicView(letter: StoredDeadLetter): DeadLetter {
  const { incarnation: _incarnation, ...view } = letter;
  return view;
}
