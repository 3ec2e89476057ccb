/**
 * Bulk Observation rows for tests that need volume (paging through thousands of rows)
 * without thousands of HTTP creates. Each row is a valid OMH heart-rate 2.0 data point,
 * stored exactly as the write path would store it (reference §4.1.9).
 */
import { randomUUID } from 'node:crypto';
import { deriveEffectiveTime } from './effective-time.ts';
import { dateToMicros } from './iso-time.ts';
import type { ObservationDraft, JheStore } from './store.ts';

/** What to seed: `count` readings from `startInstant`, `stepSeconds` apart. */
export interface SeedObservationsRequest {
  patientId: number;
  /** Only `omh:heart-rate:2.0` is supported. */
  code: string;
  count: number;
  startInstant: string | Date;
  stepSeconds: number;
  /** Ingest time of the first row; later rows are one microsecond newer each. */
  ingestedAt: Date;
}

const HEART_RATE = 'omh:heart-rate:2.0';

/**
 * Builds the rows without storing them.
 * @throws Error for an unknown patient, an unsupported code or no personal device.
 */
export function buildSeedObservations(
  store: JheStore, request: SeedObservationsRequest,
): ObservationDraft[] {
  const patient = store.patient(request.patientId);
  if (!patient) throw new Error(`Cannot seed: no patient ${request.patientId}`);
  const codeText = request.code.includes('|') ? request.code.split('|')[1] : request.code;
  if (codeText !== HEART_RATE) throw new Error(`Cannot seed ${request.code}: only ${HEART_RATE}`);
  const code = store.codes().find((row) => row.code === HEART_RATE);
  const device = store.dataSources().find((row) => row.type === 'personal_device');
  if (!code || !device) throw new Error('Cannot seed: the heart-rate code or a device is missing');

  const startMs = new Date(request.startInstant).getTime();
  if (Number.isNaN(startMs)) throw new Error(`Cannot seed from ${String(request.startInstant)}`);
  const ingestMicros = dateToMicros(request.ingestedAt);

  return Array.from({ length: request.count }, (_, index) => {
    const measuredAt = new Date(startMs + index * request.stepSeconds * 1000);
    const omhText = JSON.stringify(heartRatePoint(measuredAt, 55 + (index % 40)));
    const omhData = JSON.parse(omhText) as Record<string, unknown>;
    return {
      patientId: patient.id,
      codeId: code.id,
      dataSourceId: device.id,
      status: 'final',
      omhText,
      omhData,
      identifiers: [],
      effective: deriveEffectiveTime(omhData),
      lastUpdated: ingestMicros + index,
    };
  });
}

function heartRatePoint(measuredAt: Date, beatsPerMinute: number) {
  const dateTime = measuredAt.toISOString().replace('.000Z', 'Z');
  return {
    header: {
      uuid: randomUUID(),
      schema_id: { namespace: 'omh', name: 'heart-rate', version: '2.0' },
      source_creation_date_time: dateTime,
      modality: 'sensed',
    },
    body: {
      heart_rate: { value: beatsPerMinute, unit: 'beats/min' },
      effective_time_frame: { date_time: dateTime },
    },
  };
}
