/**
 * Renders a stored Observation as JHE's FHIRObservationSerializer does (reference §3.5):
 * keys in the order of JHE's mapping, empty values left out, `status` always `final`,
 * `device` and `category` gone, effective[x] from the OMH time frame in UTC, and
 * `valueAttachment.data` re-encoded from the stored JSON with Python and jsonb rules.
 */
import { formatUtc } from './iso-time.ts';
import type { IdentifierRow, ObservationRow } from './model.ts';
import { reencodeLikeJhe } from './python-json.ts';
import type { JheStore } from './store.ts';

/** `meta.source` of every mapped resource. */
export const JHE_SOURCE = 'https://jupyterhealth.org/jhe';

/** The identifier system JHE puts on `subject.identifier` (the patient's jheUserId). */
export const JHE_USER_ID_SYSTEM = 'https://jupyterhealth.org/fhir/identifier/jhe-user-id';

type Json = Record<string, unknown>;

/** The FHIR JSON of one stored Observation. */
export function renderObservation(store: JheStore, row: ObservationRow): Json {
  const code = store.code(row.codeId);
  const patient = store.patient(row.patientId);
  if (!code || !patient) throw new Error(`Observation ${row.id} points at missing rows`);
  const resource: Json = {
    meta: { lastUpdated: formatUtc(row.lastUpdated), source: JHE_SOURCE },
    id: String(row.id),
    identifier: row.identifiers.map(identifierElement).filter((item) => !isEmpty(item)),
    status: 'final',
    code: { coding: [withoutEmpty({ system: code.system, code: code.code, display: code.text })] },
    effectiveDateTime: timeOrNull(row.effective.dateTime),
    effectivePeriod: withoutEmpty({
      start: timeOrNull(row.effective.periodStart),
      end: timeOrNull(row.effective.periodEnd),
    }),
    subject: {
      reference: `Patient/${patient.id}`,
      identifier: { system: JHE_USER_ID_SYSTEM, value: String(patient.jheUserId) },
    },
    valueAttachment: {
      contentType: 'application/json',
      data: Buffer.from(reencodeLikeJhe(row.omhText), 'utf8').toString('base64'),
    },
  };
  return { ...withoutEmpty(resource), resourceType: 'Observation' };
}

function identifierElement(identifier: IdentifierRow): Json {
  return withoutEmpty({ system: identifier.system, value: identifier.value });
}

function timeOrNull(micros: number | null): string | null {
  return micros === null ? null : formatUtc(micros);
}

/** JHE's mapping engine prunes null, empty strings, empty lists and empty objects. */
function withoutEmpty(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => !isEmpty(value)));
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}

/**
 * The minimal body JHE returns when a patient creates an Observation (§3.5): no
 * valueAttachment, no identifier, and `lastUpdated` in Python's `isoformat()` (`+00:00`).
 */
export function renderPatientCreated(store: JheStore, row: ObservationRow): Json {
  const code = store.code(row.codeId);
  if (!code) throw new Error(`Observation ${row.id} points at a missing code`);
  return {
    resourceType: 'Observation',
    id: String(row.id),
    status: 'final',
    meta: { lastUpdated: formatUtc(row.lastUpdated).replace(/Z$/, '+00:00') },
    subject: { reference: `Patient/${row.patientId}` },
    code: { coding: [{ system: code.system, code: code.code }] },
  };
}
