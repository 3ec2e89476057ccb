/**
 * The error vocabulary of the layer and its RFC 9457 `application/problem+json` rendering.
 *
 * Handlers throw {@link ApiError} with a stable code; only the API kit's error middleware
 * turns it into HTTP. Codes follow `DOMAIN.CONDITION` and are listed in
 * `specs/error-codes.md`; tests and callers branch on them, never on message text.
 */

/** One failed field: a JSON pointer into the request (or payload) and what is wrong. */
export interface ProblemField {
  pointer: string;
  detail: string;
}

/** The body we send for every error, at every tier. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors?: ProblemField[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://pause.example/problems/';

export interface ApiErrorOptions {
  detail?: string;
  errors?: ProblemField[];
  /** Kept for the log, never sent to the caller. */
  cause?: unknown;
  /** How long the caller should wait before trying again; sent as `Retry-After`. */
  retryAfterMs?: number;
}

/** A failure with an HTTP status and a stable code, safe to show when status < 500. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors?: ProblemField[];
  readonly retryAfterMs?: number;

  constructor(status: number, code: string, title: string, options: ApiErrorOptions = {}) {
    super(title, { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Response headers the error implies: `Retry-After` in whole seconds, rounded up. */
  get headers(): Record<string, string> {
    if (this.retryAfterMs === undefined) return {};
    return { 'Retry-After': String(Math.ceil(this.retryAfterMs / 1000)) };
  }

  /** Server-side failures hide their detail from the caller. */
  get expose(): boolean {
    return this.status < 500;
  }
}

/** Renders an error as the problem body, hiding detail for server-side failures. */
export function toProblem(error: ApiError, correlationId?: string, instance?: string): Problem {
  const problem: Problem = {
    type: TYPE_BASE + error.code.toLowerCase().replace(/[._]/g, '-'),
    title: error.message,
    status: error.status,
    code: error.code,
  };
  if (error.expose && error.detail) problem.detail = error.detail;
  if (error.expose && error.errors?.length) problem.errors = error.errors;
  if (instance) problem.instance = instance;
  if (correlationId) problem.correlationId = correlationId;
  return problem;
}

/** True when a value looks like a problem body coming back from a lower tier. */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Problem>;
  return typeof candidate.status === 'number' && typeof candidate.code === 'string';
}
