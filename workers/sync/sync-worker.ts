/**
 * The background sync worker: schedules polls every interval and runs pull and record
 * jobs from the state layer's durable queue (SQLite by default, BullMQ on Redis). Run it
 * as `pause-gateway worker`, as many replicas as wanted.
 */
import type { JobProcessor } from '../../shared/state/index.ts';
import { runPullJob } from './pull-job.ts';
import { runRecordJob } from './record-job.ts';
import { schedulePolls } from './schedule.ts';
import type { SyncDeps } from './sync-deps.ts';
import { PULL_JOB, RECORD_JOB, type PullJobData, type RecordJobData } from './sync-jobs.ts';

export interface SyncWorker {
  /** Schedules this interval's polls now; resolves to the number of jobs newly queued. */
  schedule(): Promise<number>;
  /** Stops scheduling and taking jobs; resolves once the jobs in hand are done. */
  close(): Promise<void>;
}

export interface SyncWorkerOptions {
  /** Schedule polls on a timer (default true); tests schedule by hand. */
  timer?: boolean;
}

export function startSyncWorker(deps: SyncDeps, options: SyncWorkerOptions = {}): SyncWorker {
  const { queue } = deps.state;
  const processors: JobProcessor[] = [
    queue.process<PullJobData>(PULL_JOB, (job) => runPullJob(deps, job),
      { concurrency: deps.config.concurrency }),
    queue.process<RecordJobData>(RECORD_JOB, (job) => runRecordJob(deps, job)),
  ];

  const schedule = () => schedulePolls(deps);
  const scheduleLogged = () => schedule().then(
    (added) => deps.logger.info({ added }, 'polls scheduled'),
    // The process tier may be down or starting; the next interval tries again.
    (error: unknown) => deps.logger.warn({ err: error }, 'could not schedule polls'),
  );
  let timer: NodeJS.Timeout | undefined;
  if (options.timer ?? true) {
    void scheduleLogged();
    timer = setInterval(() => void scheduleLogged(), deps.config.intervalMs);
  }

  return {
    schedule,
    close: async () => {
      clearInterval(timer);
      await Promise.all(processors.map((processor) => processor.close()));
    },
  };
}
