/**
 * Builds and checks Open mHealth data points in the IEEE 1752.1 envelope JHE validates.
 * A mapping produces the body; the header is fixed here, in TypeScript, so that every
 * vendor gets the same deterministic id and timestamps.
 */
import type { ProblemField } from '../errors/problem.ts';
import { uuidV5 } from './deterministic-id.ts';
import type { SchemaRegistry } from './schema-registry.ts';

export interface DataPointHeader {
  uuid: string;
  schema_id: { namespace: string; name: string; version: string };
  source_creation_date_time: string;
  modality: 'sensed' | 'self-reported';
  external_datasheets?: { datasheet_type: string; datasheet_reference: string }[];
}

export interface DataPoint {
  header: DataPointHeader;
  body: Record<string, unknown>;
}

export interface DataPointInput {
  schema: string;
  body: Record<string, unknown>;
  /** Everything that makes the record unique: patient, vendor, schema and vendor key. */
  identity: string;
  /** Free text naming the device, e.g. "Oura Ring". */
  device?: string;
}

/** Wraps a body in its header. The id is derived from the identity, never random. */
export function buildDataPoint(input: DataPointInput): DataPoint {
  const [namespace, name, version] = input.schema.split(':');
  const header: DataPointHeader = {
    uuid: uuidV5(input.identity),
    schema_id: { namespace, name, version },
    // The measurement's own instant, not the conversion time, keeps a retry byte-identical.
    source_creation_date_time: measurementInstant(input.body) ?? '',
    modality: 'sensed',
  };
  if (input.device) {
    header.external_datasheets = [
      { datasheet_type: 'manufacturer', datasheet_reference: input.device },
    ];
  }
  return { header, body: input.body };
}

/**
 * `JSON.stringify(point)` from its body's JSON, for a caller that has written the body
 * already: the header is small, the body is not, and this runs once per data point.
 */
export function dataPointJson(point: DataPoint, bodyJson: string): string {
  return `{"header":${JSON.stringify(point.header)},"body":${bodyJson}}`;
}

/** The instant a body describes: its date_time, else its interval's end, else its start. */
export function measurementInstant(body: Record<string, unknown>): string | undefined {
  const frame = body.effective_time_frame as
    | { date_time?: string; time_interval?: { start_date_time?: string; end_date_time?: string } }
    | undefined;
  return frame?.date_time ?? frame?.time_interval?.end_date_time
    ?? frame?.time_interval?.start_date_time;
}

/**
 * Validates header and body; returns the failed fields as JSON pointers into the data point,
 * or an empty list.
 */
export function validateDataPoint(registry: SchemaRegistry, point: DataPoint): ProblemField[] {
  const schema = schemaIdOf(point);
  if (!registry.has(schema)) {
    return [{ pointer: '/header/schema_id', detail: 'no such Open mHealth schema' }];
  }
  return [
    ...check(registry, 'ieee:header:1.0', point.header, '/header'),
    ...check(registry, schema, point.body, '/body'),
  ];
}

/** `omh:heart-rate:2.0` from a data point's header. */
export function schemaIdOf(point: DataPoint): string {
  const { namespace, name, version } = point.header.schema_id;
  return `${namespace}:${name}:${version}`;
}

function check(
  registry: SchemaRegistry,
  schemaId: string,
  value: unknown,
  prefix: string,
): ProblemField[] {
  const validate = registry.validator(schemaId);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => ({
    pointer: prefix + error.instancePath,
    detail: error.message ?? error.keyword,
  }));
}
