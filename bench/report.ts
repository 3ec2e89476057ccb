/**
 * Turns the rounds into what the bench prints: medians per target, the two headline ratios
 * against the single hop with the target next to them, the per-tier CPU cost, and a loud
 * block when any request failed.
 */
import { cpus } from 'node:os';
import type { CpuPerRequest, Sample } from './measure.ts';
import type { Target, TargetKey } from './targets.ts';

export interface Summary {
  target: Target;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpu: CpuPerRequest;
  /** Throughput of each round, in order, to see drift. */
  roundsRps: number[];
  /** Cores busy outside the bench while it measured (median). */
  otherCores: number;
  errors: Record<string, number>;
  firstErrorBody?: string;
}

/** The default layout must reach this fraction of the single hop's throughput. */
export const TARGET_RATIO = 0.5;

export function summarize(target: Target, samples: Sample[]): Summary {
  const errors: Record<string, number> = {};
  for (const sample of samples) {
    for (const [kind, count] of Object.entries(sample.load.errors)) {
      errors[kind] = (errors[kind] ?? 0) + count;
    }
  }
  const cpu = (pick: (cpu: CpuPerRequest) => number) => median(samples.map((s) => pick(s.cpu)));
  return {
    target,
    rps: median(samples.map((s) => s.load.rps)),
    p50Ms: median(samples.map((s) => s.load.p50Ms)),
    p99Ms: median(samples.map((s) => s.load.p99Ms)),
    cpu: {
      front: cpu((c) => c.front),
      byProcess: target.frontPids.map((_, i) => cpu((c) => c.byProcess[i])),
      jhe: cpu((c) => c.jhe),
      loadGenerator: cpu((c) => c.loadGenerator),
    },
    roundsRps: samples.map((s) => s.load.rps),
    otherCores: median(samples.map((s) => s.otherCores)),
    errors,
    firstErrorBody: samples.find((s) => s.load.firstErrorBody)?.load.firstErrorBody,
  };
}

const HEAD = `${'target'.padEnd(36)}${'req/s'.padStart(6)}${'p50 ms'.padStart(8)}`
  + `${'p99 ms'.padStart(8)}${'errors'.padStart(7)} | front   JHE  load | busy`;
const OVER_CPU = `${' '.repeat(HEAD.indexOf('| front') + 2)}CPU ms/req`;

/** A table of summaries, one line each. */
export function table(summaries: Summary[]): string[] {
  return [OVER_CPU, HEAD, '-'.repeat(HEAD.length), ...summaries.map((s) => [
    s.target.label.padEnd(36), num(s.rps, 0, 6), num(s.p50Ms, 1, 8), num(s.p99Ms, 1, 8),
    String(errorCount(s)).padStart(7), ' |', num(s.cpu.front, 2, 6), num(s.cpu.jhe, 2, 6),
    num(s.cpu.loadGenerator, 2, 6), ' |', num(s.otherCores, 2, 5),
  ].join(''))];
}

/** What the CPU columns of the tables mean. */
export const TABLE_LEGEND = [
  'CPU ms/req: user+system CPU per request of the processes in front of JHE (hop or gateway),',
  'of the JHE sandbox and of the load generator. busy: cores that other processes on the',
  'machine kept busy meanwhile; well above 0 means the numbers are skewed.',
];

/**
 * The two ratios to the single hop, the first with its target. Each round's ratio pairs
 * measurements taken seconds apart; the median of those resists a disturbed round.
 */
export function ratios(all: Record<TargetKey, Summary>): string[] {
  const line = (name: string, layout: Summary, goal: string) => {
    const perRound = roundRatios(layout, all.hop);
    return [`${name.padEnd(31)} ${median(perRound).toFixed(2)}   ${goal}`,
      `  (per round ${perRound.map((r) => r.toFixed(2)).join(' ')}; ratio of median req/s `
      + `${(layout.rps / all.hop.rps).toFixed(2)})`];
  };
  const met = median(roundRatios(all.single, all.hop)) >= TARGET_RATIO;
  return [
    ...line('default layout / single hop', all.single,
      `target >= ${TARGET_RATIO.toFixed(2)}: ${met ? 'MET' : 'NOT MET'}`),
    ...line('process per tier / single hop', all.perTier, 'no target'),
  ];
}

function roundRatios(layout: Summary, hop: Summary): number[] {
  return layout.roundsRps.map((rps, i) => rps / hop.roundsRps[i]);
}

/** CPU per request, tier by tier, read off the direct calls to each tier. */
export function whereTimeGoes(all: Record<TargetKey, Summary>): string[] {
  const system = all.systemApi.cpu.front;
  const bundle = all.bundle.cpu.front;
  const timeline = all.single.cpu.front;
  const hop = all.hop.cpu.front;
  const [experience, processTier, systemTier] = all.perTier.cpu.byProcess;
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  return [
    'Gateway CPU per request, default layout (one process, tiers called in memory):',
    `  JHE system API alone (c)                       ${ms(system)}`,
    `  + patient-bundle process tier   (b) - (c)      ${ms(bundle - system)}`,
    `  + Pause experience tier  timeline - (b)        ${ms(timeline - bundle)}`,
    `  = timeline through all three tiers             ${ms(timeline)}`
      + `   (${(timeline / hop).toFixed(1)}x the hop's ${ms(hop)})`,
    `Plain Express answering static JSON (a):         ${ms(all.static.cpu.front)}`,
    `JHE sandbox per search (any caller):             ${ms(all.jhe.cpu.jhe)}`,
    `Process per tier, by process: experience ${ms(experience)}, process ${ms(processTier)}, `
      + `system ${ms(systemTier)}`,
    'A Node process runs on one thread: it tops out at 1000 / (its CPU ms/req) req/s.',
    `  hop:      hop ${cap(hop)}, JHE ${cap(all.hop.cpu.jhe)}`,
    `  default:  gateway ${cap(timeline)}, JHE ${cap(all.single.cpu.jhe)}`,
    `  per tier: experience ${cap(experience)}, process ${cap(processTier)}, `
      + `system ${cap(systemTier)}, JHE ${cap(all.perTier.cpu.jhe)}`,
    `  all share ${cpus().length} cores: ${cpus().length} x 1000 / (front + JHE + load) = `
      + `hop ${ceiling(all.hop)}, default ${ceiling(all.single)}, `
      + `per tier ${ceiling(all.perTier)} req/s`,
  ];
}

/** The most requests per second one thread can serve at this CPU cost per request. */
function cap(cpuMsPerRequest: number): string {
  return `${(1000 / cpuMsPerRequest).toFixed(0)} req/s`;
}

/** Cores other processes may keep busy before the run's numbers are called skewed. */
const BUSY_LIMIT = 0.25;

/** A warning naming the measurements during which other work on the machine took CPU. */
export function busyWarning(summaries: Summary[]): string[] {
  const skewed = summaries.filter((s) => s.otherCores > BUSY_LIMIT);
  if (skewed.length === 0) return [];
  return ['WARNING: other processes took CPU while these were measured; their numbers are '
    + 'skewed:', ...skewed.map((s) => `  ${s.target.label} (${s.otherCores.toFixed(2)} cores)`)];
}

/** One line when every request answered 200; else a block nobody can miss. */
export function errorReport(summaries: Summary[]): string[] {
  const failing = summaries.filter((s) => errorCount(s) > 0);
  if (failing.length === 0) return ['Errors: none (every request answered 200).'];
  const bar = '!'.repeat(78);
  return [bar, '!!! THIS RUN HAD ERRORS: its numbers are not valid.', ...failing.flatMap((s) => [
    `!!! ${s.target.label}: ${Object.entries(s.errors).map(([k, n]) => `${n} x ${k}`)
      .join(', ')}`,
    `!!!   first error: ${(s.firstErrorBody ?? '').replace(/\s+/g, ' ')}`,
  ]), bar];
}

export function errorCount(summary: Summary): number {
  return Object.values(summary.errors).reduce((sum, n) => sum + n, 0);
}

function ceiling(summary: Summary): string {
  const total = summary.cpu.front + summary.cpu.jhe + summary.cpu.loadGenerator;
  return ((cpus().length * 1000) / total).toFixed(0);
}

function num(value: number, digits: number, width: number): string {
  return (Number.isFinite(value) ? value.toFixed(digits) : '-').padStart(width);
}

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
