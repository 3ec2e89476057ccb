/**
 * Runs once before the suite. The state and queue tests need a real Redis on loopback; when
 * none answers and `redis-server` is installed, start one that keeps nothing on disk, so
 * `npm test` works on a fresh machine as the README promises. If Redis cannot be had, the
 * Redis suite itself fails with a message saying so: it never skips.
 */
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

const HOST = '127.0.0.1';
const PORT = 6379;

function answers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port: PORT });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export default async function setup(): Promise<void> {
  if (process.env.REDIS_URL || await answers()) return;
  const started = spawnSync('redis-server', ['--daemonize', 'yes', '--bind', HOST,
    '--port', String(PORT), '--save', '', '--appendonly', 'no', '--dir', '/tmp'],
  { stdio: 'ignore' });
  if (started.error || started.status !== 0) return;
  for (let attempt = 0; attempt < 50 && !(await answers()); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
