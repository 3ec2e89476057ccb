/**
 * The FHIR Observation envelope that carries one Open mHealth data point to JHE. It is built
 * in TypeScript, not in a mapping: it is the same for every vendor and every data type.
 */
import { schemaIdOf, type DataPoint } from '../omh/data-point.ts';
import { asciiBase64 } from './ascii-json.ts';

export const OMH_CODE_SYSTEM = 'https://w3id.org/openmhealth';

/**
 * JHE routes an Observation to its Open mHealth store only when the coding's system is Open
 * mHealth's, and it seeds only `omh:` codes there (jhe-api.md §3.2, §4.2): `ieee:` and this
 * project's `pause:` schemas cannot be written through that path.
 */
export function jheAcceptsOnOmhPath(schemaId: string): boolean {
  return schemaId.startsWith('omh:');
}

export interface ObservationInput {
  point: DataPoint;
  patientId: number;
  /** JHE DataSource id of a personal_device. */
  deviceId: number;
  identifierSystem: string;
  /**
   * `JSON.stringify(point)` when the caller has already written it (the ingest flow writes
   * each body once, to compare repeats), so the hot path serialises a point only once.
   */
  pointJson?: string;
}

/** An Observation ready for JHE's OMH write path (see jhe-api.md §4.1). */
export function buildObservation(input: ObservationInput): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    status: 'final',
    identifier: [{ system: input.identifierSystem, value: input.point.header.uuid }],
    code: { coding: [{ system: OMH_CODE_SYSTEM, code: schemaIdOf(input.point) }] },
    subject: { reference: `Patient/${input.patientId}` },
    device: { reference: `Device/${input.deviceId}` },
    valueAttachment: { contentType: 'application/json', data: asciiBase64(
      input.pointJson ?? JSON.stringify(input.point)) },
  };
}
