/**
 * Bearer-token authentication for the FHIR and admin routes (reference §2.2). Only the
 * `Authorization: Bearer <token>` header counts. A token acts as its user: the practitioner
 * who owns a client-credentials client, or the patient or practitioner it was issued to.
 */
import type { Request } from 'express';
import type { SandboxContext } from './context.ts';
import type { Caller } from './model.ts';

/** DRF's NotAuthenticated text, which JHE returns for missing and for unknown tokens. */
export const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';

/** The bearer token of a request, or undefined when there is none. */
export function bearerToken(req: Request): string | undefined {
  const parts = (req.headers.authorization ?? '').split(/\s+/).filter(Boolean);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') return undefined;
  return parts[1];
}

/** The caller behind the request's bearer token, or undefined when it does not verify. */
export function resolveCaller(ctx: SandboxContext, req: Request): Caller | undefined {
  const value = bearerToken(req);
  const token = value ? ctx.store.oauth.liveToken(value, ctx.now().getTime()) : undefined;
  return token ? callerFor(ctx, token.jheUserId) : undefined;
}

/** The caller a user id acts as, by the user's type. */
export function callerFor(ctx: SandboxContext, jheUserId: number): Caller | undefined {
  const user = ctx.store.user(jheUserId);
  if (!user) return undefined;
  if (user.userType === 'patient') {
    const patient = ctx.store.patientByUser(user.id);
    return patient ? { kind: 'patient', user, patient } : undefined;
  }
  const practitioner = ctx.store.practitionerByUser(user.id);
  return practitioner ? { kind: 'practitioner', user, practitioner } : undefined;
}
