/**
 * Child processes of the benchmark: start a TypeScript script under `node --import tsx`, wait
 * for the line that says it is ready, and stop every child this process started, whatever
 * way the run ends (normal end, error, Ctrl-C).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../shared/paths.ts';

export interface Child {
  name: string;
  pid: number;
  /** The capture groups of the ready line's pattern. */
  ready: RegExpExecArray;
  /** The last lines the child wrote, for error reports. */
  tail(): string;
}

const started: ChildProcess[] = [];
const TAIL_LINES = 40;

/**
 * Spawns `script` and resolves once a line on its stdout or stderr matches `readyLine`.
 * @throws Error when the child exits or stays silent for `timeoutMs` first.
 */
export function spawnScript(name: string, script: string, options: {
  args?: string[];
  env: Record<string, string>;
  readyLine: RegExp;
  timeoutMs?: number;
}): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(options.args ?? [])], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const lines: string[] = [];
  const tail = () => lines.join('\n');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} was not ready within `
      + `${options.timeoutMs ?? 30_000} ms:\n${tail()}`)), options.timeoutMs ?? 30_000);
    // Both streams are always read, so a chatty child never blocks on a full pipe.
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        if (lines.length > TAIL_LINES) lines.shift();
        const match = options.readyLine.exec(line);
        if (!match) return;
        clearTimeout(timer);
        resolve({ name, pid: child.pid!, ready: match, tail });
      });
    }
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${tail()}`));
    });
  });
}

/** Stops every child: SIGTERM, then SIGKILL for any still running after `graceMs`. */
export async function stopAll(graceMs = 2_000): Promise<void> {
  const running = started.filter(isRunning);
  await Promise.all(running.map((child) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  })));
}

/** Last resort from an `exit` handler, where nothing asynchronous runs any more. */
export function killAllNow(): void {
  for (const child of started.filter(isRunning)) child.kill('SIGKILL');
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
