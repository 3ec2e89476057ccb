/**
 * `npm run bench`: how fast the Pause timeline read is through the gateway's three tiers,
 * compared with one plain Express + undici hop in front of the same JHE sandbox route,
 * measured side by side in one run. Not a test: it prints numbers and never fails a build.
 *
 * Every server runs in a child process of its own; the load comes from this process. The
 * measurements alternate round by round so that drift on the machine hits all of them alike,
 * and the medians are printed. The run is bounded in time and stops every child it started.
 */
import { cpus, loadavg } from 'node:os';
import { Pool } from 'undici';
import { progress, runBench } from './bench-main.ts';
import { fetchJheToken } from './jhe-token.ts';
import { measureTarget, type Sample, type Settings } from './measure.ts';
import { busyWarning, errorCount, errorReport, ratios, summarize, table, TABLE_LEGEND,
  whereTimeGoes, type Summary } from './report.ts';
import { checkTarget, seedHeartRate } from './seed.ts';
import { startStack, type Stack } from './stack.ts';
import { HEADLINE, PIECES, targetsFor, type Target, type TargetKey } from './targets.ts';

const SETTINGS: Settings = { concurrency: 16, warmUpMs: 1_000 };
const HEADLINE_MS = 5_000;
const PIECE_MS = 3_000;
const ROUNDS = 3;
/** Well above a normal run (about two minutes); past it the bench gives up. */
const DEADLINE_MS = 240_000;

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  progress('starting the JHE sandbox, the hop and both gateway layouts ...');
  const stack = await startStack();
  await seedHeartRate(stack.singleProcess.url);
  const targets = targetsFor(stack, await jheToken(stack));
  for (const target of Object.values(targets)) await checkTarget(target);

  const samples = await measureRounds(targets, stack.jhe.pids[0]);
  const summaries = Object.fromEntries(Object.entries(samples)
    .map(([key, list]) => [key, summarize(targets[key as TargetKey], list)])) as
    Record<TargetKey, Summary>;
  print(summaries, loadAtStart);
  if (Object.values(summaries).some((summary) => errorCount(summary) > 0)) process.exitCode = 1;
}

/** Every round measures the headline targets, then the pieces, always in the same order. */
async function measureRounds(targets: Record<TargetKey, Target>, jhePid: number):
  Promise<Record<TargetKey, Sample[]>> {
  const samples = Object.fromEntries([...HEADLINE, ...PIECES].map((key) => [key, []])) as
    unknown as Record<TargetKey, Sample[]>;
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const key of [...HEADLINE, ...PIECES]) {
      const ms = HEADLINE.includes(key) ? HEADLINE_MS : PIECE_MS;
      const sample = await measureTarget(targets[key], jhePid, ms, SETTINGS);
      samples[key].push(sample);
      progress(`round ${round}/${ROUNDS}  ${targets[key].label.padEnd(40)}`
        + `${sample.load.rps.toFixed(0).padStart(7)} req/s`);
    }
  }
  return samples;
}

function print(all: Record<TargetKey, Summary>, loadAtStart: number): void {
  const lines = [
    '',
    `Pause gateway benchmark: GET /pause/v1/patients/40001/timeline (20 heart-rate rows)`,
    `${SETTINGS.concurrency} requests in flight; ${SETTINGS.warmUpMs / 1000} s warm-up, then `
      + `${HEADLINE_MS / 1000} s (pieces ${PIECE_MS / 1000} s); ${ROUNDS} alternating rounds, `
      + 'medians shown.',
    `Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, all on `
      + `127.0.0.1; load average before the run ${loadAtStart.toFixed(1)}.`,
    'Gateway as `npm start` runs it: LOG_LEVEL=warn, responses not validated.',
    '',
    ...table(HEADLINE.map((key) => all[key])),
    ...TABLE_LEGEND,
    '',
    ...ratios(all),
    '',
    'Where the time goes',
    ...table([...PIECES, 'single' as const].map((key) => all[key])),
    '',
    ...whereTimeGoes(all),
    '',
    ...busyWarning(Object.values(all)),
    ...errorReport(Object.values(all)),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function jheToken(stack: Stack): Promise<string> {
  const pool = new Pool(stack.jhe.url);
  try {
    return await fetchJheToken(pool, stack.jhe.clientId, stack.jhe.clientSecret);
  } finally {
    await pool.close();
  }
}

runBench(main, DEADLINE_MS);
