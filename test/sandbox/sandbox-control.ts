/**
 * Calls a running sandbox's `/_sandbox` control API as a test in another process would:
 * JSON in, status and parsed JSON (undefined when empty) out.
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';

/** What a control call answered. */
export interface ControlAnswer {
  status: number;
  // Tests read whichever fields the call under test answers.
  body: any;
}

/** A control call: method, path under `/_sandbox`, optional JSON body. */
export type Control = (method: string, path: string, body?: unknown) => Promise<ControlAnswer>;

/**
 * A {@link Control} for the sandbox at `baseUrl()`; a function because the sandbox usually
 * starts in `beforeAll`, after the helper is made.
 */
export function sandboxControl(baseUrl: () => string): Control {
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl()}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** Forgets the faults, rows and log of earlier tests, and sets the page size. */
export async function resetSandbox(control: Control, pageSize: number): Promise<void> {
  for (const path of ['/faults', '/data', '/requests']) {
    expect((await control('DELETE', path)).status).toBe(204);
  }
  expect((await control('PUT', '/settings', { pageSize })).status).toBe(200);
}

/** A sandbox a test file runs: where it listens, and how it stops. */
export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a sandbox before the file's tests and stops it after them; before each test it is
 * reset, with listings of `pageSize` rows. Gives the sandbox's URL and a {@link Control}.
 */
export function sandboxPerFile(start: () => Promise<RunningSandbox>, pageSize: number)
  : { baseUrl: () => string; control: Control } {
  let running: RunningSandbox | undefined;
  const baseUrl = () => {
    if (!running) throw new Error('The sandbox is not running: read its URL in a test');
    return running.url;
  };
  const control = sandboxControl(baseUrl);
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await resetSandbox(control, pageSize);
  });
  return { baseUrl, control };
}
