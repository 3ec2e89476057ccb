/**
 * One measurement of one target: warm up, then load it for a fixed time while sampling the
 * CPU time of every process involved, so the result says both how fast and at what cost.
 */
import { cpuMs, machineBusyMs, ownCpuMs } from './cpu-time.ts';
import { LoadGenerator, type LoadResult } from './load.ts';
import type { Target } from './targets.ts';

export interface Settings {
  concurrency: number;
  warmUpMs: number;
}

/** CPU milliseconds per completed request, by process role. */
export interface CpuPerRequest {
  /** Every process in front of JHE together (hop, or the gateway's processes). */
  front: number;
  /** Each of those processes, in the target's `frontPids` order. */
  byProcess: number[];
  jhe: number;
  loadGenerator: number;
}

export interface Sample {
  load: LoadResult;
  cpu: CpuPerRequest;
  /** Cores kept busy by processes outside this measurement: other work skews the numbers. */
  otherCores: number;
}

export async function measureTarget(target: Target, jhePid: number, durationMs: number,
  settings: Settings): Promise<Sample> {
  const generator = new LoadGenerator(target, settings.concurrency);
  try {
    await generator.warmUp(settings.warmUpMs);
    const before = cpuSnapshot(target.frontPids, jhePid);
    const load = await generator.measure(durationMs);
    const after = cpuSnapshot(target.frontPids, jhePid);
    return { load, cpu: perRequest(before, after, load.requests, target.usesJhe),
      otherCores: otherCores(before, after, durationMs) };
  } finally {
    await generator.close();
  }
}

interface CpuSnapshot {
  front: number[];
  jhe: number;
  own: number;
  machine: number;
}

function cpuSnapshot(frontPids: number[], jhePid: number): CpuSnapshot {
  return { front: frontPids.map(cpuMs), jhe: cpuMs(jhePid), own: ownCpuMs(),
    machine: machineBusyMs() };
}

function otherCores(before: CpuSnapshot, after: CpuSnapshot, windowMs: number): number {
  const ours = after.front.reduce((sum, ms, i) => sum + ms - before.front[i], 0)
    + (after.jhe - before.jhe) + (after.own - before.own);
  return Math.max(0, (after.machine - before.machine - ours) / windowMs);
}

function perRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number,
  usesJhe: boolean): CpuPerRequest {
  const per = (used: number) => (requests > 0 ? used / requests : Number.NaN);
  const byProcess = after.front.map((ms, index) => per(ms - before.front[index]));
  return {
    front: byProcess.reduce((sum, ms) => sum + ms, 0),
    byProcess,
    // The sandbox idles when a target does not reach it; its idle ticks are not its cost.
    jhe: usesJhe ? per(after.jhe - before.jhe) : 0,
    loadGenerator: per(after.own - before.own),
  };
}
