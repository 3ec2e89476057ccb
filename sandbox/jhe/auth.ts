/**
 * Bearer-token authentication for the FHIR routes (reference §2.2). Only the
 * `Authorization: Bearer <token>` header counts; the token acts as the practitioner who
 * owns the client that obtained it.
 */
import type { Request } from 'express';
import type { SandboxContext } from './context.ts';
import type { Caller } from './model.ts';

/** DRF's NotAuthenticated text, which JHE returns for missing and for unknown tokens. */
export const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';

/** The caller behind the request's bearer token, or undefined when it does not verify. */
export function resolveCaller(ctx: SandboxContext, req: Request): Caller | undefined {
  const parts = (req.headers.authorization ?? '').split(/\s+/).filter(Boolean);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') return undefined;
  const token = ctx.store.liveToken(parts[1], ctx.now().getTime());
  if (!token) return undefined;
  const practitioner = ctx.store.practitionerByUser(token.jheUserId);
  return practitioner ? { jheUserId: token.jheUserId, practitioner } : undefined;
}
