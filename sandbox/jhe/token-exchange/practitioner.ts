/**
 * Mapping a verified EHR id_token to the JHE practitioner it names (reference §2.4):
 * `fhirUser` must be present (else 400) and of type Practitioner (else 403), a JheUser
 * must hold its id as `identifier` (else 404), and that user must be a practitioner (else
 * 403). Relative and absolute `fhirUser` references are read by their last two segments.
 */
import type { JWTPayload } from 'jose';
import type { UserRow } from '../model.ts';
import { pythonRepr } from '../python-repr.ts';
import type { JheStore } from '../store.ts';
import { ExchangeError } from './exchange-error.ts';

/** The practitioner user the token's `fhirUser` names. */
export function resolvePractitioner(store: JheStore, claims: JWTPayload): UserRow {
  const fhirUser = claims.fhirUser;
  if (typeof fhirUser !== 'string' || !fhirUser) {
    throw new ExchangeError(400, 'id_token has no fhirUser claim');
  }
  const [type, id] = parseFhirUser(fhirUser);
  if (type !== 'Practitioner') {
    throw new ExchangeError(403, `fhirUser must be a Practitioner, not ${type}`);
  }
  const users = store.usersByIdentifier(id);
  if (users.length !== 1) throw new ExchangeError(404, `Practitioner not found for ${id}`);
  if (users[0].userType !== 'practitioner') {
    throw new ExchangeError(403, `User ${id} is not a practitioner`);
  }
  return users[0];
}

/** `(type, id)` from `Type/id` or `https://…/Type/id`. */
function parseFhirUser(fhirUser: string): [string, string] {
  const parts = fhirUser.replace(/\/+$/, '').split('/');
  const type = parts[parts.length - 2];
  const id = parts[parts.length - 1];
  if (parts.length < 2 || !type || !id) {
    throw new ExchangeError(400, `Malformed fhirUser reference: ${pythonRepr(fhirUser)}`);
  }
  return [type, id];
}
