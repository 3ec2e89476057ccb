/**
 * Sends a JSON body whose arrays are long (an ingest report of a year of data has 100,000
 * items) a slice at a time. `res.json` would hold the whole text, and then a copy of it as
 * bytes, at once: tens of megabytes on top of the report itself. The bytes sent are the
 * same as `JSON.stringify` gives.
 */
import { once } from 'node:events';
import type { Response } from 'express';

/** Arrays longer than this are written in slices. */
export const LONG_ARRAY = 5_000;
const SLICE = 1_000;

/** True when `body` is an object with an array member longer than {@link LONG_ARRAY}. */
export function hasLongArray(body: unknown): body is Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return Object.values(body).some((value) => Array.isArray(value) && value.length > LONG_ARRAY);
}

/** Writes the object member by member, long arrays slice by slice, waiting on a full socket. */
export async function sendInSlices(res: Response, body: Record<string, unknown>)
  : Promise<void> {
  res.type('application/json');
  let separator = '{';
  for (const [key, value] of Object.entries(body)) {
    const json = Array.isArray(value) ? undefined : JSON.stringify(value);
    if (!Array.isArray(value) && json === undefined) continue;
    await write(res, `${separator}${JSON.stringify(key)}:`);
    separator = ',';
    if (json !== undefined) await write(res, json);
    else await writeArray(res, value as unknown[]);
  }
  await write(res, separator === '{' ? '{}' : '}');
  res.end();
}

async function writeArray(res: Response, items: unknown[]): Promise<void> {
  await write(res, '[');
  for (let start = 0; start < items.length; start += SLICE) {
    const text = JSON.stringify(items.slice(start, start + SLICE)).slice(1, -1);
    await write(res, start === 0 ? text : `,${text}`);
  }
  await write(res, ']');
}

async function write(res: Response, text: string): Promise<void> {
  if (text.length > 0 && !res.write(text)) await once(res, 'drain');
}
