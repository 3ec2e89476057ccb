/**
 * The registry of asynchronous ingest jobs (RFC 7240 `Prefer: respond-async`). Jobs live in
 * this process's memory only: a restart loses them, which is acceptable because the caller
 * can resubmit the same payload safely (identifiers are deterministic). The registry is
 * bounded three ways, so that a stream of large pushes cannot exhaust memory: a number of
 * jobs, an age after which finished jobs go, and a total size of the reports kept.
 *
 * A finished report is kept as its JSON text: measured for a one-year, 5-minute heart-rate
 * report (105,120 items), the objects take about 76 MB of heap and the text 23 MB.
 */
import { randomUUID } from 'node:crypto';
import { translate } from '../../shared/api-kit/error-middleware.ts';
import { ApiError, toProblem, type Problem } from '../../shared/errors/problem.ts';
import type { components } from '../../specs/types/ingest.ts';
import type { IngestReport } from './report.ts';

export type IngestJob = components['schemas']['IngestJob'];
export type IngestProgress = IngestJob['progress'];

/** How a job ends: with the report, or with the problem the synchronous call would answer. */
export type JobOutcome = { report: IngestReport } | { problem: Problem };

/** The job's work; it must settle with an outcome rather than reject. */
export type JobWork = (onProgress: (progress: IngestProgress) => void, jobId: string)
  => Promise<JobOutcome>;

export interface JobLimits {
  /** Jobs kept at once, running or finished. */
  maxJobs: number;
  /** How long a finished job stays readable. */
  keepFinishedMs: number;
  /** Characters of report JSON kept over all finished jobs; beyond it the oldest go. */
  maxReportChars: number;
}

/** About four one-year heart-rate reports waiting to be read, at most. */
export const DEFAULT_JOB_LIMITS: JobLimits = {
  maxJobs: 1_000, keepFinishedMs: 60 * 60 * 1000, maxReportChars: 100_000_000,
};

interface Entry {
  /** The job without its report. */
  job: IngestJob;
  reportJson?: string;
  finishedAtMs?: number;
}

const EMPTY_SUMMARY = { received: 0, stored: 0, duplicate: 0, rejected: 0, skipped: 0, held: 0 };

export class IngestJobRegistry {
  // A Map iterates in insertion order: the first entries are the oldest jobs.
  private readonly entries = new Map<string, Entry>();
  private reportChars = 0;

  constructor(
    private readonly limits: JobLimits = DEFAULT_JOB_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Registers a job and starts its work without waiting for it.
   * @throws ApiError 503 INGEST_JOB.TOO_MANY when the registry is full of running jobs.
   */
  start(target: Pick<IngestJob, 'patientId' | 'vendor' | 'collection'>,
    work: JobWork): IngestJob {
    this.prune(1);
    if (this.entries.size >= this.limits.maxJobs) {
      throw new ApiError(503, 'INGEST_JOB.TOO_MANY', 'Too many ingest jobs are running',
        { detail: 'Retry later, or ingest without Prefer: respond-async', retryAfterMs: 5_000 });
    }
    const job: IngestJob = {
      jobId: randomUUID(), status: 'running', ...target, startedAt: this.instant(),
      progress: { done: 0, total: 0, summary: { ...EMPTY_SUMMARY } },
    };
    const entry: Entry = { job };
    this.entries.set(job.jobId, entry);

    const onProgress = (progress: IngestProgress) => {
      if (entry.job.status === 'running') entry.job.progress = copyProgress(progress);
    };
    // The work settles with an outcome; a rejection is a bug, and still ends the job.
    work(onProgress, job.jobId).then(
      (outcome) => this.finish(entry, outcome),
      (error: unknown) => this.finish(entry, { problem: toProblem(translate(error)) }),
    );
    return job;
  }

  /** The job as it stands now, or undefined when unknown or no longer kept. */
  get(jobId: string): IngestJob | undefined {
    this.prune(0);
    const entry = this.entries.get(jobId);
    if (!entry?.reportJson) return entry?.job;
    return { ...entry.job, report: JSON.parse(entry.reportJson) as IngestReport };
  }

  private finish(entry: Entry, outcome: JobOutcome): void {
    const { job } = entry;
    job.finishedAt = this.instant();
    entry.finishedAtMs = this.now();
    if ('report' in outcome) {
      Object.assign(job, { status: 'succeeded',
        progress: finalProgress(job.progress, outcome.report) });
      entry.reportJson = JSON.stringify(outcome.report);
      this.reportChars += entry.reportJson.length;
    } else {
      Object.assign(job, { status: 'failed', problem: outcome.problem });
    }
    this.prune(0, entry);
  }

  /**
   * Drops expired finished jobs, then the oldest finished ones while over a bound.
   * @param room job slots to free for jobs about to start
   * @param keep a job that just finished, kept so that its caller can read it
   */
  private prune(room: number, keep?: Entry): void {
    const expiredBefore = this.now() - this.limits.keepFinishedMs;
    for (const [id, entry] of this.entries) {
      if (entry.finishedAtMs !== undefined && entry.finishedAtMs <= expiredBefore) {
        this.drop(id, entry);
      }
    }
    for (const [id, entry] of this.entries) {
      if (!this.overBounds(room)) break;
      if (entry.finishedAtMs !== undefined && entry !== keep) this.drop(id, entry);
    }
  }

  private overBounds(room: number): boolean {
    return this.entries.size + room > this.limits.maxJobs
      || this.reportChars > this.limits.maxReportChars;
  }

  private drop(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.reportChars -= entry.reportJson?.length ?? 0;
  }

  private instant(): string {
    return new Date(this.now()).toISOString();
  }
}

/**
 * All records done, with the report's counts. A flow that reported no progress (a payload
 * without records) still ends with a consistent total: its data points.
 */
function finalProgress(last: IngestProgress, report: IngestReport): IngestProgress {
  const total = last.total > 0 ? last.total : report.summary.received;
  return { done: total, total, summary: { ...report.summary } };
}

function copyProgress(progress: IngestProgress): IngestProgress {
  return { done: progress.done, total: progress.total, summary: { ...progress.summary } };
}
