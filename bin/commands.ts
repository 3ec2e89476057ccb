/**
 * The client commands: they talk to a running layer's Pause backend experience API over
 * HTTP, exactly as the Pause backend would.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

export interface CommandOptions {
  file?: string;
  patient?: string;
  collection?: string;
  vendor?: string;
  url?: string;
  start?: string;
  end?: string;
  type?: string[];
}

interface IngestItem {
  sourceKey: string;
  schema?: string;
  status: string;
  observationId?: string;
  reason?: string;
}

type Summary = Record<'received' | 'stored' | 'duplicate' | 'rejected' | 'skipped' | 'held',
  number>;

interface IngestReport {
  summary: Summary;
  items: IngestItem[];
}

interface JobProgress {
  done: number;
  total: number;
  summary: Summary;
}

interface IngestJob {
  status: 'running' | 'succeeded' | 'failed';
  progress: JobProgress;
  report?: IngestReport;
  problem?: { status: number };
}

/** Where a command writes; injectable so that a test can pose as a terminal. */
export interface CommandOutput {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

export interface IngestSettings {
  /** Draw a progress line; by default only when stdout is a terminal. */
  progress?: boolean;
  /** How often to ask how the ingest job stands. */
  pollIntervalMs?: number;
}

const PROCESS_OUTPUT: CommandOutput = { stdout: process.stdout, stderr: process.stderr };
const POLL_INTERVAL_MS = 500;
/**
 * Up to this many items every item gets a line; above it, only the items neither stored nor
 * duplicate, which are the ones worth a look.
 */
const FULL_LISTING_MAX = 1_000;
const SETTLED = new Set(['stored', 'duplicate']);

/**
 * Posts a vendor file as an asynchronous ingest (RFC 7240 `Prefer: respond-async`), follows
 * the job to its end, then prints the item lines and a summary. A terminal sees one progress
 * line redrawn in place while the job runs; a pipe or file sees none.
 */
export async function runIngestCommand(
  options: CommandOptions, output: CommandOutput = PROCESS_OUTPUT, settings: IngestSettings = {},
): Promise<number> {
  const { file, patient, collection, vendor, url } = options;
  if (!file || !patient || !collection) {
    throw new Error('ingest needs FILE, --patient and --collection');
  }
  const payload = await readFile(file, 'utf8');
  const startedMs = performance.now();
  const path = `/pause/v1/patients/${encodeURIComponent(patient)}/wearables/`
    + `${encodeURIComponent(vendor!)}/${encodeURIComponent(collection)}`;
  const progress = new ProgressLine(output.stdout,
    settings.progress ?? output.stdout.isTTY === true, startedMs);

  const posted = await send(url! + path, 'POST', payload, { prefer: 'respond-async' });
  // A server may ignore the preference and answer the report at once (RFC 7240).
  const answer = posted.status !== 202 ? posted : await followJob(
    new URL(jobLocation(posted), url).href, progress, settings.pollIntervalMs ?? POLL_INTERVAL_MS);
  progress.clear();
  if (answer.status !== 200) return printProblem(answer.status, answer.body, output);

  printReport(answer.body as IngestReport, performance.now() - startedMs, output);
  return 0;
}

/** Polls the job until it ends; answers its report as a 200, or its problem. */
async function followJob(jobUrl: string, progress: ProgressLine, intervalMs: number) {
  progress.show({ done: 0, total: 0, summary: zeroSummary() });
  for (;;) {
    const { status, body } = await send(jobUrl, 'GET');
    if (status !== 200) return { status, body };
    const job = body as IngestJob;
    progress.show(job.progress);
    if (job.status === 'succeeded') return { status: 200, body: job.report };
    if (job.status === 'failed') return { status: job.problem?.status ?? 500, body: job.problem };
    await sleep(intervalMs);
  }
}

function jobLocation(answer: { headers: Record<string, unknown>; body: unknown }): string {
  const header = answer.headers.location;
  if (typeof header === 'string') return header;
  return (answer.body as { location: string }).location;
}

/**
 * One line drawn over itself with a carriage return, and erased to its end (ANSI EL) so a
 * shorter line leaves no tail of the longer one before it.
 */
class ProgressLine {
  private drawn = false;

  constructor(
    private readonly out: CommandOutput['stdout'],
    private readonly enabled: boolean,
    private readonly startedMs: number,
  ) {}

  show(progress: JobProgress): void {
    if (!this.enabled) return;
    const seconds = (performance.now() - this.startedMs) / 1000;
    this.out.write(`\r${describeProgress(progress, seconds)}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }
}

function describeProgress({ done, total, summary }: JobProgress, seconds: number): string {
  if (total === 0) return 'ingesting: starting';
  const percent = ((100 * done) / total).toFixed(1);
  return `ingesting ${done}/${total} records (${percent}%)  ${rate(done, seconds)} records/s  `
    + `stored ${summary.stored}  duplicate ${summary.duplicate}  rejected ${summary.rejected}`;
}

/** Every item of a small file; of a large one, only the items that need a look. */
function printReport(report: IngestReport, elapsedMs: number, output: CommandOutput): void {
  const listed = report.items.length > FULL_LISTING_MAX
    ? report.items.filter((item) => !SETTLED.has(item.status)) : report.items;
  for (const item of listed) {
    const where = item.observationId ? `Observation/${item.observationId}` : item.reason ?? '';
    output.stdout.write(`${item.status.padEnd(9)} ${(item.schema ?? '-').padEnd(24)} `
      + `${item.sourceKey}  ${where}\n`);
  }
  const { received, stored, duplicate, rejected, skipped, held } = report.summary;
  const seconds = elapsedMs / 1000;
  output.stdout.write(`received ${received}: stored ${stored}, duplicate ${duplicate}, `
    + `rejected ${rejected}, skipped ${skipped}, held ${held} `
    + `in ${seconds.toFixed(1)} s (${rate(received, seconds)} items/s)\n`);
}

function rate(items: number, seconds: number): number {
  return seconds > 0 ? Math.round(items / seconds) : 0;
}

function zeroSummary(): Summary {
  return { received: 0, stored: 0, duplicate: 0, rejected: 0, skipped: 0, held: 0 };
}

/** Prints the patient's readings as JSON. */
export async function runTimelineCommand(options: CommandOptions): Promise<number> {
  const { patient, start, end, url } = options;
  if (!patient || !start || !end) throw new Error('timeline needs --patient, --start and --end');
  const query = new URLSearchParams({ start, end });
  for (const type of options.type ?? []) query.append('type', type);
  const path = `/pause/v1/patients/${encodeURIComponent(patient)}/timeline?${query}`;
  const { status, body } = await send(url! + path, 'GET');
  if (status !== 200) return printProblem(status, body);
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  return 0;
}

async function send(target: string, method: 'GET' | 'POST', payload?: string,
  headers: Record<string, string> = {}) {
  const response = await request(target, {
    method,
    body: payload,
    headers: payload ? { ...headers, 'content-type': 'application/json' } : headers,
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers,
    body: text ? JSON.parse(text) : undefined };
}

function printProblem(status: number, body: unknown,
  output: CommandOutput = PROCESS_OUTPUT): number {
  output.stderr.write(`request failed with ${status}:\n${JSON.stringify(body, null, 2)}\n`);
  return 1;
}
