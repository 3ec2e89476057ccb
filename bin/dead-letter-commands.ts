/**
 * `pause-gateway dead-letters ...`: lists, shows, replays and removes dead letters through a
 * running layer's wearable-sync process API over HTTP, as an operator's script would.
 */
import { parseArgs } from 'node:util';
import { request } from 'undici';

const BASE_PATH = '/wearable-sync/v1/dead-letters';

interface DeadLetter {
  jobId: string;
  name: string;
  data: unknown;
  kind: string;
  reason: string;
  attempts: number;
  maxAttempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
}

type Method = 'GET' | 'POST' | 'DELETE';

interface Answer {
  status: number;
  body: unknown;
}

/** Output streams, so that a test can call the command and read what it printed. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const STDIO: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Runs one dead-letters subcommand and resolves with the exit code: 0 when done, 1 when the
 * API answered a problem (printed to `err`), 2 on a usage error.
 */
export async function runDeadLetterCommand(args: string[], output: Output = STDIO)
  : Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      limit: { type: 'string' },
      url: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080' },
    },
  });
  const [action, name, jobId] = positionals;
  const base = values.url!.replace(/\/$/, '');

  if (action === 'list') return list(base, values, output);
  if (!name || !jobId || !['show', 'replay', 'remove'].includes(action)) {
    output.err('usage: pause-gateway dead-letters list [--name N] [--limit L] | '
      + 'show NAME ID | replay NAME ID | remove NAME ID [--url URL]\n');
    return 2;
  }
  // The id is one path segment whatever it contains (`:` always, `/` sometimes).
  const path = `${BASE_PATH}/${encodeURIComponent(name)}/${encodeURIComponent(jobId)}`;
  if (action === 'show') return show(base, path, output);
  if (action === 'replay') return replay(base, path, name, jobId, output);
  return remove(base, path, name, jobId, output);
}

async function list(base: string, options: { name?: string; limit?: string }, output: Output)
  : Promise<number> {
  const query = new URLSearchParams();
  if (options.name) query.set('name', options.name);
  if (options.limit) query.set('limit', options.limit);
  const answer = await send(base, 'GET', `${BASE_PATH}${query.size ? `?${query}` : ''}`);
  if (answer.status !== 200) return problem(answer, output);

  const { items } = answer.body as { items: DeadLetter[] };
  for (const letter of items) {
    output.out(`${letter.lastFailedAt}  ${letter.name}  ${letter.jobId}  ${letter.kind} `
      + `after ${letter.attempts}/${letter.maxAttempts}: ${letter.reason}\n`);
  }
  output.out(`${items.length} dead letter${items.length === 1 ? '' : 's'}\n`);
  return 0;
}

async function show(base: string, path: string, output: Output): Promise<number> {
  const answer = await send(base, 'GET', path);
  if (answer.status !== 200) return problem(answer, output);
  const letter = answer.body as DeadLetter;
  const rows: [string, string][] = [
    ['name', letter.name], ['job id', letter.jobId], ['kind', letter.kind],
    ['reason', letter.reason], ['attempts', `${letter.attempts} of ${letter.maxAttempts}`],
    ['first failed', letter.firstFailedAt], ['last failed', letter.lastFailedAt],
    ['data', JSON.stringify(letter.data)],
  ];
  for (const [label, value] of rows) output.out(`${`${label}:`.padEnd(14)}${value}\n`);
  return 0;
}

async function replay(base: string, path: string, name: string, jobId: string, output: Output)
  : Promise<number> {
  const answer = await send(base, 'POST', `${path}/replay`);
  if (answer.status !== 202) return problem(answer, output);
  output.out(`replayed ${name} ${jobId}\n`);
  return 0;
}

async function remove(base: string, path: string, name: string, jobId: string, output: Output)
  : Promise<number> {
  const answer = await send(base, 'DELETE', path);
  if (answer.status !== 204) return problem(answer, output);
  output.out(`removed ${name} ${jobId}\n`);
  return 0;
}

async function send(base: string, method: Method, path: string): Promise<Answer> {
  const response = await request(base + path, { method, headersTimeout: 30_000,
    bodyTimeout: 30_000, headers: { accept: 'application/json' } });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? parse(text) : undefined };
}

/** A body that is not JSON (a proxy's error page) is shown as it came. */
function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function problem(answer: Answer, output: Output): number {
  output.err(`request failed with ${answer.status}:\n${JSON.stringify(answer.body, null, 2)}\n`);
  return 1;
}
