/**
 * Runs the JHE sandbox as a process of its own, so that its CPU is not shared with whatever
 * is measured against it. Prints one JSON line on stdout when listening: its URL and the demo
 * client credentials. Logs go to stderr at LOG_LEVEL (warn by default).
 */
import { createLogger } from '../shared/logging/logger.ts';
import { startJheSandbox } from '../sandbox/jhe/server.ts';

const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn',
  destination: process.stderr });
const sandbox = await startJheSandbox({ host: '127.0.0.1', logger });

process.stdout.write(`${JSON.stringify({ ready: 'jhe-sandbox', url: sandbox.url,
  clientId: sandbox.demo.clientId, clientSecret: sandbox.demo.clientSecret })}\n`);

const stop = () => {
  sandbox.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
