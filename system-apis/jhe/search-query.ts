/**
 * Our Observation filters, spelled the way JHE reads them (reference §3.3). JHE ignores
 * parameters it does not know, so a misspelt filter would silently widen a search: each
 * name here is one JHE honours.
 */
import { ApiError } from '../../shared/errors/problem.ts';

/** The code systems of the schema ids callers use (reference §4.2). */
export const CODE_SYSTEMS = {
  omh: 'https://w3id.org/openmhealth',
  ieee: 'https://w3id.org/ieee1752',
} as const;

/** Filters shared by search and count. */
export interface ObservationFilters {
  /** Patient.id (not jheUserId). */
  patient?: number;
  /** Study (Group) id. */
  study?: number;
  organization?: number;
  /** A schema id (`omh:heart-rate:2.0`) or a `system|code` token. */
  code?: string;
  /** Effective-time bounds, e.g. `ge2026-03-01`. */
  date?: string[];
  /** Ingest-time bounds. */
  lastUpdated?: string[];
  id?: string;
  source?: string;
  sourceBelow?: string;
}

/** Query parameters under JHE's names; an array repeats the parameter. */
export type JheQuery = Record<string, string | number | string[]>;

/**
 * The JHE query for the filters.
 * @throws ApiError `SEARCH.SCOPE_REQUIRED` when no patient, study or organization is named:
 * JHE would answer with everything the practitioner may see.
 */
export function filterQuery(filters: ObservationFilters): JheQuery {
  assertScoped(filters);
  const query: JheQuery = {};
  const set = (name: string, value: string | number | string[] | undefined) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) query[name] = value;
  };
  set('patient', filters.patient);
  set('patient._has:Group:member:_id', filters.study);
  set('patient.organization', filters.organization);
  set('code', filters.code === undefined ? undefined : codeToken(filters.code));
  set('date', filters.date);
  set('_lastUpdated', filters.lastUpdated);
  set('_id', filters.id);
  set('_source', filters.source);
  set('_source:below', filters.sourceBelow);
  return query;
}

/**
 * `system|code` for a schema id. JHE parses a bare `omh:heart-rate:2.0` as a system with no
 * code and matches nothing, so a bare code is never sent.
 */
export function codeToken(code: string): string {
  if (code.includes('|')) return code;
  const namespace = code.split(':')[0];
  const system = CODE_SYSTEMS[namespace as keyof typeof CODE_SYSTEMS];
  if (!system) {
    throw new ApiError(400, 'REQUEST.INVALID', 'The code names no known code system', {
      errors: [{ pointer: '/query/code', detail: 'use omh:…, ieee:… or system|code' }],
    });
  }
  return `${system}|${code}`;
}

function assertScoped(filters: ObservationFilters): void {
  if (filters.patient !== undefined || filters.study !== undefined
    || filters.organization !== undefined) return;
  throw new ApiError(400, 'SEARCH.SCOPE_REQUIRED',
    'Name a patient, study or organization to search Observations', {
      errors: [{ pointer: '/query/patient', detail: 'patient, study or organization needed' }],
    });
}
