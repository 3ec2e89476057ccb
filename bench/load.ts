/**
 * The load generator: a fixed number of requests always in flight (a closed loop) against
 * one target over an undici Pool, for a fixed time. Latency is taken per request; only
 * requests that complete inside the measuring window count towards throughput. Any answer
 * other than 200, and any failed request, is counted as an error, warm-up included.
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface LoadTarget {
  origin: string;
  /** Path and query string. */
  path: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** Requests completed inside the window. */
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Error kind (`HTTP 502`, `UND_ERR_SOCKET`, ...) to count, warm-up included. */
  errors: Record<string, number>;
  /** The start of the first error body, to say what went wrong. */
  firstErrorBody?: string;
}

const REQUEST_TIMEOUT_MS = 10_000;

/** One target under a fixed concurrency; warm it up, then measure. */
export class LoadGenerator {
  private readonly pool: Pool;
  private readonly errors: Record<string, number> = {};
  private firstErrorBody?: string;

  constructor(private readonly target: LoadTarget, private readonly concurrency: number) {
    this.pool = new Pool(target.origin, { connections: concurrency, pipelining: 1 });
  }

  /** Runs the load for `ms` without recording latencies (JIT, connections, caches). */
  async warmUp(ms: number): Promise<void> {
    await this.run(performance.now() + ms, () => {});
  }

  async measure(ms: number): Promise<LoadResult> {
    const started = performance.now();
    const until = started + ms;
    const latencies: number[] = [];
    await this.run(until, (begin, end) => {
      if (end <= until) latencies.push(end - begin);
    });
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      rps: latencies.length / (ms / 1000),
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      errors: { ...this.errors },
      firstErrorBody: this.firstErrorBody,
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async run(until: number, record: (begin: number, end: number) => void) {
    const worker = async () => {
      while (performance.now() < until) {
        const begin = performance.now();
        await this.requestOnce();
        record(begin, performance.now());
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
  }

  /** Sends one request and reads its whole body; counts it when it is not a 200. */
  private async requestOnce(): Promise<void> {
    try {
      const response = await this.pool.request({
        method: 'GET',
        path: this.target.path,
        headers: this.target.headers,
        headersTimeout: REQUEST_TIMEOUT_MS,
        bodyTimeout: REQUEST_TIMEOUT_MS,
      });
      const body = await response.body.text();
      if (response.statusCode !== 200) this.countError(`HTTP ${response.statusCode}`, body);
    } catch (error) {
      const { code, name } = error as { code?: string; name?: string };
      this.countError(code ?? name ?? 'unknown error', String(error));
    }
  }

  private countError(kind: string, body: string): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
    this.firstErrorBody ??= body.slice(0, 300);
  }
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
