/**
 * The client commands: they talk to a running layer's Pause backend experience API over
 * HTTP, exactly as the Pause backend would.
 */
import { readFile } from 'node:fs/promises';
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

/** Posts a vendor file and prints one line per item, then the summary. */
export async function runIngestCommand(options: CommandOptions): Promise<number> {
  const { file, patient, collection, vendor, url } = options;
  if (!file || !patient || !collection) {
    throw new Error('ingest needs FILE, --patient and --collection');
  }
  const payload = await readFile(file, 'utf8');
  const path = `/pause/v1/patients/${patient}/wearables/${vendor}/${collection}`;
  const { status, body } = await send(url!, 'POST', path, payload);
  if (status !== 200) return printProblem(status, body);

  const report = body as { summary: Record<string, number>; items: IngestItem[] };
  for (const item of report.items) {
    const where = item.observationId ? `Observation/${item.observationId}` : item.reason ?? '';
    process.stdout.write(`${item.status.padEnd(9)} ${(item.schema ?? '-').padEnd(24)} `
      + `${item.sourceKey}  ${where}\n`);
  }
  const { received, stored, duplicate, rejected, skipped, held } = report.summary;
  process.stdout.write(`received ${received}: stored ${stored}, duplicate ${duplicate}, `
    + `rejected ${rejected}, skipped ${skipped}, held ${held}\n`);
  return 0;
}

/** Prints the patient's readings as JSON. */
export async function runTimelineCommand(options: CommandOptions): Promise<number> {
  const { patient, start, end, url } = options;
  if (!patient || !start || !end) throw new Error('timeline needs --patient, --start and --end');
  const query = new URLSearchParams({ start, end });
  for (const type of options.type ?? []) query.append('type', type);
  const path = `/pause/v1/patients/${patient}/timeline?${query}`;
  const { status, body } = await send(url!, 'GET', path);
  if (status !== 200) return printProblem(status, body);
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  return 0;
}

async function send(base: string, method: 'GET' | 'POST', path: string, payload?: string) {
  const response = await request(base + path, {
    method,
    body: payload,
    headers: payload ? { 'content-type': 'application/json' } : {},
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
}

function printProblem(status: number, body: unknown): number {
  process.stderr.write(`request failed with ${status}:\n${JSON.stringify(body, null, 2)}\n`);
  return 1;
}
