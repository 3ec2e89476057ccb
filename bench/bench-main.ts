/**
 * How a benchmark script runs: its children are stopped on every way out (done, failed,
 * interrupted, past its deadline), so a benchmark never leaves servers behind.
 */
import { killAllNow, stopAll } from './processes.ts';

export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Runs `main`, then stops every child and exits with its code (1 on failure or timeout). */
export function runBench(main: () => Promise<void>, deadlineMs: number): void {
  const shutdown = async (code: number, reason?: string): Promise<never> => {
    if (reason) progress(reason);
    await stopAll();
    process.exit(code);
  };
  process.on('exit', killAllNow);
  process.once('SIGINT', () => void shutdown(130, 'interrupted; stopping every child'));
  process.once('SIGTERM', () => void shutdown(143, 'terminated; stopping every child'));
  const deadline = setTimeout(() => void shutdown(1,
    `gave up after ${deadlineMs / 1000} s; stopping every child`), deadlineMs);

  main().then(
    () => {
      clearTimeout(deadline);
      return shutdown(process.exitCode === undefined ? 0 : Number(process.exitCode));
    },
    (error: Error) => {
      clearTimeout(deadline);
      return shutdown(1, `failed: ${error.message}`);
    },
  );
}
