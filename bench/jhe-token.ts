/** A JHE client-credentials token (HTTP Basic to `/o/token/`), for the bench's direct calls. */
import type { Pool } from 'undici';

export async function fetchJheToken(jhe: Pool, clientId: string, clientSecret: string):
  Promise<string> {
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
  const response = await jhe.request({
    method: 'POST',
    path: '/o/token/',
    headers: { authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const body = await response.body.json() as { access_token?: string };
  if (response.statusCode !== 200 || !body.access_token) {
    throw new Error(`JHE token endpoint answered ${response.statusCode}`);
  }
  return body.access_token;
}
