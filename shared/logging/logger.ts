/**
 * One pino logger for the whole layer. Lines are JSON, one per event.
 *
 * Logs carry identifiers (request id, operation id, status, counts), never payloads: the
 * redact list below is the backstop for fields that must not appear even by mistake, so
 * that PHI and credentials stay out of logs by construction rather than by review.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Field paths that are always censored, wherever a caller puts them. */
export const REDACTED_PATHS = [
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'cookie', '*.cookie', 'token', '*.token', 'access_token', '*.access_token',
  'refresh_token', '*.refresh_token', 'client_secret', '*.client_secret', 'password',
  '*.password', 'body', '*.body', 'payload', '*.payload', 'data', '*.data',
  'valueAttachment', '*.valueAttachment', 'email', '*.email', 'name', '*.name',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; a test passes a stream to read them back. */
  destination?: NodeJS.WritableStream;
}

/** Creates the root logger; tiers and requests derive children from it. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  return pino(
    {
      level,
      base: { service: 'pause-gateway' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? process.stdout,
  );
}

/** A logger that writes nothing, for tests that do not read logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
