/** The retry decision and delays both queue adapters share. */
import { describe, expect, it } from 'vitest';
import {
  classifyJobError, decideRetry, PermanentError, retryDelayMs, TransientError,
} from '../../shared/state/index.ts';

const backoff = { baseMs: 1_000, maxMs: 8_000 };

describe('retry policy', () => {
  it('doubles the step per attempt, caps it, and jitters within its upper half', () => {
    const transient = { kind: 'transient' as const };
    const high = () => 1;
    const steps = [1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, backoff, transient, high));
    expect(steps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(retryDelayMs(3, backoff, transient, () => 0)).toBe(2_000);
  });

  it('waits exactly as long as an explicit retryAfterMs says', () => {
    const failure = classifyJobError(new TransientError('429', { retryAfterMs: 30_000 }));
    expect(retryDelayMs(1, backoff, failure)).toBe(30_000);
  });

  it('retries transient failures until the attempts run out', () => {
    const error = new TransientError('503');
    expect(decideRetry({ error, attempt: 2, maxAttempts: 3, backoff })).toMatchObject({
      retry: true, reason: '503',
    });
    expect(decideRetry({ error, attempt: 3, maxAttempts: 3, backoff })).toEqual({
      retry: false, kind: 'exhausted', reason: '503',
    });
  });

  it('never retries a permanent failure', () => {
    const error = new PermanentError('consent missing');
    expect(decideRetry({ error, attempt: 1, maxAttempts: 5, backoff })).toEqual({
      retry: false, kind: 'permanent', reason: 'consent missing',
    });
  });

  it('treats unknown errors as transient, and takes retryAfterMs from any error', () => {
    expect(classifyJobError(new TypeError('boom'))).toEqual({ kind: 'transient' });
    const fromHttp = Object.assign(new Error('429'), { retryAfterMs: 5_000 });
    expect(classifyJobError(fromHttp)).toEqual({ kind: 'transient', retryAfterMs: 5_000 });
    expect(classifyJobError({ name: 'PermanentError' })).toEqual({ kind: 'permanent' });
  });

  it('lets a pool classify errors its own way', () => {
    const classify = () => ({ kind: 'permanent' as const });
    const error = new Error('409');
    const decision = decideRetry({ error, attempt: 1, maxAttempts: 5, backoff, classify });
    expect(decision).toMatchObject({ retry: false, kind: 'permanent' });
  });
});
