/**
 * JHE's create path for one FHIR resource (reference §3.2, §4.1), shared by the single
 * create route and the batch route. An Observation with an Open mHealth coding goes
 * through the write rules below, in JHE's order; anything else would go to JHE's
 * auxiliary store, which the sandbox does not have, so it fails as JHE does when the
 * caller names no FhirSource.
 */
import { rejectAuxWrite } from './aux-write.ts';
import { asFhirViewSeesIt } from './case-keys.ts';
import type { SandboxContext } from './context.ts';
import { deriveEffectiveTime } from './effective-time.ts';
import { parseObservation, type ParsedObservation } from './fhir-parse.ts';
import { dateToMicros } from './iso-time.ts';
import { requireModelId } from './model-id.ts';
import type {
  Caller, CodeRow, DataSourceRow, IdentifierRow, ObservationRow, PatientRow,
} from './model.ts';
import { routesToOmhStore } from './omh-criteria.ts';
import { decodeAttachment, validateOmhPayload } from './omh-payload.ts';
import { FhirError } from './outcome.ts';
import { pythonStr } from './python-repr.ts';
import { OMH_SYSTEM } from './seed.ts';
import type { JheStore } from './store.ts';

/** One resource to create, as it arrived. */
export interface CreateRequest {
  /** The type named by the URL (single create) or by the entry's resource (batch). */
  resourceType: string;
  /** The JSON body before JHE's key rewriting. */
  body: unknown;
  /** The `X-JHE-FHIR-Source-ID` header, which only aux writes read. */
  sourceHeader: string | undefined;
}

/** Creates an OMH Observation or fails with JHE's status and diagnostics. */
export function createResource(
  ctx: SandboxContext, caller: Caller, request: CreateRequest,
): ObservationRow {
  const resource = asFhirViewSeesIt(request.body);
  if (request.resourceType === 'Observation' && routesToOmhStore(resource, OMH_SYSTEM)) {
    return createOmhObservation(ctx, caller, resource);
  }
  return rejectAuxWrite(request.resourceType, resource, request.sourceHeader);
}

function createOmhObservation(
  ctx: SandboxContext, caller: Caller, resource: unknown,
): ObservationRow {
  const parsed = parseObservation(resource);
  if ('error' in parsed) throw new FhirError(400, parsed.error);

  const patient = subjectPatient(ctx.store, parsed.subjectReference);
  authorizeWrite(ctx.store, caller, patient);

  const dataSource = personalDevice(ctx.store, parsed.deviceReference);
  rejectKnownIdentifiers(ctx.store, parsed.identifier);
  const code = consentedCode(ctx.store, parsed.coding ?? [], patient);

  const payload = decodeAttachment(parsed.attachmentData);
  validateOmhPayload(ctx.schemas, code.code, payload.data);
  rejectRepeatedIdentifiers(parsed.identifier);

  return ctx.store.insertObservation({
    patientId: patient.id,
    codeId: code.id,
    dataSourceId: dataSource.id,
    status: parsed.status,
    omhText: payload.text,
    omhData: payload.data,
    identifiers: parsed.identifier.map(toIdentifierRow),
    effective: deriveEffectiveTime(payload.data),
    lastUpdated: dateToMicros(ctx.now()),
  });
}

/** Rule 2: `subject.reference` is `Patient/<Patient.id>` of an existing patient. */
function subjectPatient(store: JheStore, reference: string | undefined): PatientRow {
  if (!reference || !reference.startsWith('Patient/')) {
    throw new FhirError(400, 'Subject is required and must be a reference to a Patient ID '
      + "and start with 'Patient/'");
  }
  // JHE takes the second path segment, so `Patient/1/x` names patient 1.
  const idText = reference.split('/')[1];
  const patient = store.patient(requireModelId(idText));
  if (!patient) throw new FhirError(400, `Patient id=${idText} can not be found.`);
  return patient;
}

/** Rule 3: a practitioner shares an organization with the patient; a patient is the patient. */
function authorizeWrite(store: JheStore, caller: Caller, patient: PatientRow): void {
  if (caller.kind === 'patient') {
    if (caller.patient.id !== patient.id) {
      throw new FhirError(403, 'The Subject Patient does not match the current user.');
    }
    return;
  }
  if (!store.sharesOrganization(caller.practitioner, patient.id)) {
    throw new FhirError(403, "Current user doesn't have access to the Patient.");
  }
}

/** Rule 4: `device.reference` is `Device/<id>` of a personal-device DataSource. */
function personalDevice(store: JheStore, reference: string | undefined): DataSourceRow {
  if (!reference || !reference.startsWith('Device/')) {
    throw new FhirError(400, 'Device is required and must be a reference to a Data Source ID '
      + "and start with 'Device/'");
  }
  const idText = reference.split('/')[1];
  const dataSource = store.dataSource(requireModelId(idText));
  if (!dataSource || !['personal_device', 'device'].includes(dataSource.type)) {
    throw new FhirError(400, `Device Data Source id=${idText} can not be found.`);
  }
  return dataSource;
}

/** Rule 5: an identifier already on any Observation is a 409. */
function rejectKnownIdentifiers(
  store: JheStore, identifiers: ParsedObservation['identifier'],
): void {
  for (const identifier of identifiers.map(toIdentifierRow)) {
    if (store.identifierExists(identifier)) throw duplicateIdentifier(identifier);
  }
}

/**
 * The same identifier twice in one upload passes rule 5 and then trips JHE's unique
 * constraint while the identifiers are saved; the sandbox stores nothing in that case.
 */
function rejectRepeatedIdentifiers(identifiers: ParsedObservation['identifier']): void {
  const seen = new Set<string>();
  for (const identifier of identifiers.map(toIdentifierRow)) {
    const key = JSON.stringify([identifier.system, identifier.value]);
    if (seen.has(key)) throw duplicateIdentifier(identifier);
    seen.add(key);
  }
}

function duplicateIdentifier(identifier: IdentifierRow): FhirError {
  const { system, value } = identifier;
  return new FhirError(409,
    `Identifier already exists: system=${pythonStr(system)} value=${pythonStr(value)}`);
}

/** Rule 6: exactly one coding, a known CodeableConcept, consented in some study. */
function consentedCode(
  store: JheStore, coding: NonNullable<ParsedObservation['coding']>, patient: PatientRow,
): CodeRow {
  if (coding.length !== 1) throw new FhirError(400, 'Exactly one Code must be provided.');
  const { system, code } = coding[0];
  const row = store.codeFor(system, code);
  if (!row) {
    throw new FhirError(400, `Code not found: system=${pythonStr(system)} code=${pythonStr(code)}`);
  }
  if (!store.consentedCodeIds(patient.id).has(row.id)) {
    throw new FhirError(403, `Observation data with coding_system=${row.system} `
      + `coding_code=${row.code} has not been consented for any studies by this Patient.`);
  }
  return row;
}

function toIdentifierRow(identifier: { system?: string; value?: string }): IdentifierRow {
  return { system: identifier.system ?? null, value: identifier.value ?? null };
}
