/** Calls a sandbox's `/_sandbox` control API over HTTP, as a test in another process would. */
import { sandboxControl } from '../sandbox/sandbox-control.ts';

/** The answer's body; a refused control call fails the test with the sandbox's words. */
export async function control(base: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string, body?: unknown): Promise<unknown> {
  const answer = await sandboxControl(() => base)(method, path, body);
  if (answer.status >= 400) {
    throw new Error(`sandbox control ${method} ${path} answered ${answer.status}: `
      + JSON.stringify(answer.body));
  }
  return answer.body;
}

/** Empties the Oura collections a test does not use, so counts are its own. */
export async function onlyOuraHeartRate(ouraUrl: string): Promise<void> {
  for (const collection of ['sleep', 'daily_spo2', 'daily_activity', 'daily_readiness',
    'workout']) {
    await control(ouraUrl, 'PUT', `/data/${collection}`, { data: [] });
  }
}
