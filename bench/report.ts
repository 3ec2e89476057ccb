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
    errors,
    firstErrorBody: samples.find((s) => s.load.firstErrorBody)?.load.firstErrorBody,
  };
}

const HEAD = `${'target'.padEnd(40)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)}`
  + ` ${'p99 ms'.padStart(7)} ${'errors'.padStart(6)} | CPU ms/req: front    JHE  load gen`;

/** A table of summaries, one line each. */
export function table(summaries: Summary[]): string[] {
  return [HEAD, '-'.repeat(HEAD.length), ...summaries.map((s) => [
    s.target.label.padEnd(40), num(s.rps, 0, 7), num(s.p50Ms, 1, 7), num(s.p99Ms, 1, 7),
    String(errorCount(s)).padStart(6), '|', ' '.repeat(10), num(s.cpu.front, 2, 6),
    num(s.cpu.jhe, 2, 6), num(s.cpu.loadGenerator, 2, 9),
  ].join(' '))];
}

/** The two ratios to the single hop, the first with its target. */
export function ratios(all: Record<TargetKey, Summary>): string[] {
  const line = (name: string, layout: Summary, goal: string) => {
    const perRound = layout.roundsRps.map((rps, i) => (rps / all.hop.roundsRps[i]).toFixed(2));
    return `${name.padEnd(34)} ${(layout.rps / all.hop.rps).toFixed(2)}   ${goal}`
      + `   (per round: ${perRound.join(' ')})`;
  };
  const met = all.single.rps / all.hop.rps >= TARGET_RATIO;
  return [
    line('default layout / single hop', all.single,
      `target >= ${TARGET_RATIO.toFixed(2)}: ${met ? 'MET' : 'NOT MET'}`),
    line('process per tier / single hop', all.perTier, 'no target'),
  ];
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
    `CPU-bound ceiling on ${cpus().length} cores, cores x 1000 / (front + JHE + load gen) ms: `
      + `hop ${ceiling(all.hop)}, default ${ceiling(all.single)}, `
      + `per tier ${ceiling(all.perTier)} req/s`,
  ];
}

/** Empty when every request answered 200; else a block nobody can miss. */
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
