/**
 * `npm run bench`, ingest part: how fast the layer converts vendor records and how much
 * memory a year of data costs, against the targets of issue 5. Not a test: it prints numbers
 * and whether each target is met, and stops every child process it started.
 */
import { cpus, loadavg } from 'node:os';
import { progress, runBench } from './bench-main.ts';
import { gatewayNodeOptions, measureEndToEnd, type EndToEnd } from './ingest-e2e.ts';
import { measureConversion, type ConversionRates } from './mapping-throughput.ts';
import { stopAll } from './processes.ts';

/** Data points per second per core through mapping, validation and Observation build. */
const CONVERSION_TARGET = 25_000;
/** Peak resident memory of the gateway ingesting a year of 5-minute heart rate. */
const RSS_TARGET_MB = 256;
const DEADLINE_MS = 240_000;

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  progress('converting Oura heart rate in this process: (a), (b) and (c) in turns ...');
  const conversion = await measureConversion();
  const runs: EndToEnd[] = [];
  for (const capped of [true, false]) {
    progress(`ingesting a year of 5-minute heart rate into the JHE sandbox (gateway `
      + `${capped ? 'with a deployment\'s heap cap' : 'uncapped, as npm start runs it'}) ...`);
    runs.push(await measureEndToEnd(gatewayNodeOptions(capped)));
    await stopAll();
  }
  print(conversion, runs, loadAtStart);
}

function print(rates: ConversionRates, runs: EndToEnd[], loadAtStart: number): void {
  const [a, b, c] = [median(rates.pipeline), median(rates.jsonata), median(rates.reference)];
  const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  const lines = [
    '',
    'Pause gateway ingest benchmark: Oura heart rate (invented rows, 5 minutes apart)',
    `Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}; load average `
      + `before the run ${loadAtStart.toFixed(1)}.`,
    'Conversion, in this process, pages of 250 rows (the flow\'s chunk), data points per CPU',
    `second (one core); median of ${rates.pipeline.length} alternating rounds of about 0.4 CPU s:`,
    measured('(a) mapping -> validation -> Observation build', a, rates.pipeline),
    measured('(b) JSONata mapping alone', b, rates.jsonata),
    measured('(c) hand-written TypeScript mapping', c, rates.reference),
    `  (a)/(b) ${(a / b).toFixed(2)}   (a)/(c) ${(a / c).toFixed(4)}   `
      + `(b)/(c) ${(b / c).toFixed(4)}`,
    `  (a) against the target of ${rate(CONVERSION_TARGET)}/s per core: `
      + `${(a / CONVERSION_TARGET).toFixed(2)}x, ${met(a >= CONVERSION_TARGET)}`,
    '',
    'End to end: one POST of a year of rows to the ingest process API of a gateway child',
    'process (all tiers, as `npm start`), uploading to the JHE sandbox in a second child:',
    ...runs.flatMap((run) => endToEndLines(run, met)),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function endToEndLines(run: EndToEnd, met: (ok: boolean) => string): string[] {
  return [
    `  gateway NODE_OPTIONS "${run.nodeOptions}": ${run.rows} rows, `
      + `${(run.bodyBytes / 1e6).toFixed(1)} MB body; stored ${run.summary.stored}, `
      + `duplicate ${run.summary.duplicate}, rejected ${run.summary.rejected}`,
    `    (d) ${rate(run.stored / run.seconds)} data points stored per second `
      + `(${run.seconds.toFixed(1)} s wall; CPU: gateway ${run.gatewayCpuSeconds.toFixed(1)} s, `
      + `JHE sandbox ${run.jheCpuSeconds.toFixed(1)} s)`,
    `    (e) gateway peak RSS ${run.peakRssMb.toFixed(0)} MB (VmHWM; ${run.readyRssMb.toFixed(0)} `
      + `MB when ready) against the target of ${RSS_TARGET_MB} MB: `
      + met(run.peakRssMb < RSS_TARGET_MB),
  ];
}

function measured(label: string, value: number, rounds: number[]): string {
  return `  ${label.padEnd(47)}${rate(value).padStart(10)}   (rounds `
    + `${rounds.map((r) => r.toFixed(0)).join(' ')})`;
}

function rate(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

runBench(main, DEADLINE_MS);
