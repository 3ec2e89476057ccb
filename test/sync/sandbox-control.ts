/** Calls a sandbox's `/_sandbox` control API over HTTP, as a test in another process would. */
import { request } from 'undici';

export async function control(base: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string, body?: unknown): Promise<unknown> {
  const response = await request(`${base}/_sandbox${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
  const text = await response.body.text();
  if (response.statusCode >= 400) {
    throw new Error(`sandbox control ${method} ${path} answered ${response.statusCode}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/** Empties the Oura collections a test does not use, so counts are its own. */
export async function onlyOuraHeartRate(ouraUrl: string): Promise<void> {
  for (const collection of ['sleep', 'daily_spo2', 'daily_activity', 'daily_readiness',
    'workout']) {
    await control(ouraUrl, 'PUT', `/data/${collection}`, { data: [] });
  }
}
