/**
 * `pause-gateway ingest` on a large file (issue 5): it pushes asynchronously and follows the
 * job; a terminal sees one progress line redrawn in place, a pipe sees none; both end with
 * the plain summary line. Runs against a layer started here, with a generated Oura file of
 * a few thousand rows.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../shared/paths.ts';
import { runIngestCommand, type CommandOutput } from '../../bin/commands.ts';
import { syntheticHeartRate } from '../ingest/synthetic-oura.ts';
import { startGateway, type Running } from './harness.ts';

const ROWS = 3_000;
const SKIP_EVERY = 500;
const SUMMARY = new RegExp('^received (\\d+): stored (\\d+), duplicate (\\d+), rejected (\\d+), '
  + 'skipped (\\d+), held (\\d+) in \\d+\\.\\d s \\(\\d+ items/s\\)$');
/** A progress line: records done of total, percent, rate, then counts matching `counts`. */
const progressLine = (done: string, percent: string, counts: string) => new RegExp(
  `^\r(ingesting ${done}/3000 records \\(${percent}%\\)  \\d+ records/s  ${counts})\x1b\\[K$`);
const JOB = '/pause/v1/ingest-jobs/0f4d7c1e-2b3a-4c5d-8e6f-7a8b9c0d1e2f';

let gateway: Running;
let dir: string;

beforeAll(async () => {
  gateway = await startGateway('single-process');
  dir = mkdtempSync(join(tmpdir(), 'cli-progress-'));
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes a synthetic Oura heart-rate file and answers its path. */
function ouraFile(name: string, start: string, rows: number): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(syntheticHeartRate({ start, rows, skipEvery: SKIP_EVERY })));
  return file;
}

/** Output captured in memory, posing as a terminal or not. */
function capture(isTTY: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const output: CommandOutput = {
    stdout: { isTTY, write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
  };
  return { output, out: () => out.join(''), err: () => err.join('') };
}

/** Runs the real command line in a child process, its stdout a pipe (not a terminal). */
async function runCli(args: string[]) {
  const child = spawn(process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'bin/pause-gateway.ts'), ...args],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

describe('pause-gateway ingest of a large file', () => {
  it('writes no progress to a pipe: the lines of items not stored, then the summary',
    async () => {
      const file = ouraFile('year-part.json', '2025-06-01T00:00:00Z', ROWS);

      const result = await runCli(['ingest', file, '--patient', '40001', '--collection',
        'heartrate', '--url', gateway.url]);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain('\r');
      expect(result.stdout).not.toContain('ingesting');
      const lines = result.stdout.trimEnd().split('\n');
      const skipped = ROWS / SKIP_EVERY;
      expect(lines).toHaveLength(skipped + 1);
      for (const line of lines.slice(0, -1)) {
        expect(line).toMatch(/^skipped\s+-\s+heartrate:\S+\s+Heart rate 300 is outside/);
      }
      expect(lines.at(-1)).toMatch(SUMMARY);
      expect(SUMMARY.exec(lines.at(-1)!)!.slice(1, 7).map(Number))
        .toEqual([ROWS, ROWS - skipped, 0, 0, skipped, 0]);
    });

  it('redraws one progress line on a terminal and erases it before the summary', async () => {
    const file = ouraFile('terminal.json', '2025-09-01T00:00:00Z', ROWS);
    const { output, out, err } = capture(true);

    const code = await runIngestCommand({ file, patient: '40001', collection: 'heartrate',
      vendor: 'oura', url: gateway.url }, output, { pollIntervalMs: 25 });

    expect(err()).toBe('');
    expect(code).toBe(0);
    const text = out();
    const progress = text.match(/\r[^\r\n]*\x1b\[K/g) ?? [];
    const starting = '\ringesting: starting\x1b[K';
    expect(progress[0]).toBe(starting);
    const running = progressLine('\\d+', '\\d+\\.\\d',
      'stored \\d+  duplicate \\d+  rejected \\d+');
    for (const line of progress.slice(1, -1)) {
      if (line !== starting) expect(line).toMatch(running);
    }
    const final = progressLine('3000', '100\\.0', 'stored 2994  duplicate 0  rejected 0');
    expect(progress.some((line) => final.test(line))).toBe(true);
    expect(progress.at(-1)).toBe('\r\x1b[K');
    const after = text.slice(text.lastIndexOf('\r\x1b[K') + 4).trimEnd().split('\n');
    expect(after).toHaveLength(ROWS / SKIP_EVERY + 1);
    expect(after.at(-1)).toMatch(SUMMARY);
  });

  it('keeps one line per item for a small file, and writes no progress off a terminal',
    async () => {
      const file = ouraFile('small.json', '2025-12-01T00:00:00Z', 4);
      const { output, out } = capture(false);

      const code = await runIngestCommand({ file, patient: '40001', collection: 'heartrate',
        vendor: 'oura', url: gateway.url }, output, { pollIntervalMs: 25 });

      expect(code).toBe(0);
      const lines = out().trimEnd().split('\n');
      expect(lines).toHaveLength(5);
      for (const line of lines.slice(0, 4)) {
        expect(line).toMatch(/^stored\s+omh:heart-rate:2\.0\s+heartrate:\S+\s+Observation\/\S+$/);
      }
      expect(lines[4]).toMatch(SUMMARY);
      expect(lines[4]).toMatch(/^received 4: stored 4, duplicate 0, rejected 0, skipped 0, /);
    });

  it('exits 1 with the problem when the push is refused', async () => {
    const file = ouraFile('refused.json', '2025-12-02T00:00:00Z', 2);
    const { output, out, err } = capture(false);

    const code = await runIngestCommand({ file, patient: '40001', collection: 'summaries_activity',
      vendor: 'oura', url: gateway.url }, output);

    expect(code).toBe(1);
    expect(out()).toBe('');
    expect(err()).toMatch(/^request failed with 404:/);
    expect(err()).toContain('"CONVERTER.NOT_FOUND"');
  });
});

describe('pause-gateway ingest when the job fails', () => {
  let server: Server;
  let url: string;
  const problem = { type: 'https://pause.example/problems/upstream-failed',
    title: 'The jhe API failed', status: 502, code: 'UPSTREAM.FAILED' };

  beforeAll(async () => {
    // A stand-in Pause backend whose every job fails: only the command is under test.
    server = createServer((req, res) => {
      req.resume();
      if (req.method === 'POST') {
        res.writeHead(202, { 'content-type': 'application/json', 'location': JOB });
        res.end(JSON.stringify({ jobId: JOB.split('/').pop(), status: 'running',
          location: JOB }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'failed', problem,
        progress: { done: 0, total: 0, summary: {} } }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('exits 1 and prints the job\'s problem', async () => {
    const file = ouraFile('failing.json', '2025-12-03T00:00:00Z', 2);
    const { output, out, err } = capture(true);

    const code = await runIngestCommand({ file, patient: '40001', collection: 'heartrate',
      vendor: 'oura', url }, output, { pollIntervalMs: 10 });

    expect(code).toBe(1);
    expect(out().endsWith('\r\x1b[K')).toBe(true);
    expect(err()).toMatch(/^request failed with 502:/);
    expect(JSON.parse(err().slice(err().indexOf('\n') + 1))).toEqual(problem);
  });
});
