#!/usr/bin/env -S npx tsx
/**
 * The command line of the layer:
 *   start                      run the configured tiers (all by default) and the sandboxes
 *   worker                     run the background sync worker against a running layer
 *   ingest FILE [options]      push a vendor payload file for a patient to a running layer
 *   timeline [options]         print a patient's timeline from a running layer
 *   dead-letters ACTION ...    list, show, replay or remove dead letters of a running layer
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../shared/config/config.ts';
import { createLogger } from '../shared/logging/logger.ts';
import { startLayer } from './layer/layer.ts';
import { runIngestCommand, runTimelineCommand } from './commands.ts';
import { runDeadLetterCommand } from './dead-letter-commands.ts';
import { startWorkerProcess } from './worker-command.ts';

const USAGE = `usage:
  pause-gateway start
  pause-gateway worker
  pause-gateway ingest FILE --patient ID --collection NAME [--vendor oura] [--url URL]
  pause-gateway timeline --patient ID --start ISO --end ISO [--type T] [--url URL]
  pause-gateway dead-letters list [--name N] [--limit L] [--url URL]
  pause-gateway dead-letters show|replay|remove NAME ID [--url URL]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'start') return start();
  if (command === 'worker') return worker();
  if (command === 'ingest') return runIngestCommand(parseOptions(rest));
  if (command === 'timeline') return runTimelineCommand(parseOptions(rest));
  if (command === 'dead-letters') return runDeadLetterCommand(rest);
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

async function start(): Promise<number> {
  const logger = createLogger();
  const layer = await startLayer(loadConfig(), logger);
  for (const [name, url] of Object.entries(layer.sandboxes)) {
    logger.warn({ sandbox: name, url }, 'sandbox in use: no real upstream is configured');
  }
  for (const api of layer.apis) {
    logger.info({ api: api.name, url: layer.url + api.basePath,
      contract: `${layer.url}${api.basePath}/openapi.json` }, 'API listening');
  }
  process.stderr.write(banner(layer));
  const stop = async () => {
    await layer.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

async function worker(): Promise<number> {
  const logger = createLogger();
  const stopWorker = await startWorkerProcess(loadConfig(), logger);
  const stop = async () => {
    await stopWorker();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

function banner(layer: Awaited<ReturnType<typeof startLayer>>): string {
  const lines = layer.apis.map((api) => `  ${api.name.padEnd(22)} ${layer.url}${api.basePath}`);
  const sandboxes = Object.entries(layer.sandboxes)
    .map(([name, url]) => `  ${(name + ' SANDBOX').padEnd(22)} ${url}`);
  return ['', 'Pause gateway is up. APIs:', ...lines,
    ...(sandboxes.length ? ['Sandboxes (not real services):', ...sandboxes] : []),
    `Portal: ${layer.url}/apis`, ''].join('\n') + '\n';
}

function parseOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      patient: { type: 'string' },
      collection: { type: 'string' },
      vendor: { type: 'string', default: 'oura' },
      url: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080' },
      start: { type: 'string' },
      end: { type: 'string' },
      type: { type: 'string', multiple: true },
    },
  });
  return { ...values, file: positionals[0] };
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`pause-gateway: ${error.message}\n`);
    process.exitCode = 1;
  },
);
