/**
 * The push ingest flow: vendor page -> data point drafts (JSONata) -> validated Open mHealth
 * data points -> Observations with deterministic identifiers -> JHE batches. Each item's fate
 * is reported; nothing is dropped without a line in the report. Valid points JHE cannot
 * store yet are held in the state layer when a store is given.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { RequestContext } from '../../shared/api-kit/request-context.ts';
import type { IngestConfig } from '../../shared/config/config.ts';
import { buildObservation, jheAcceptsOnOmhPath } from '../../shared/fhir/observation.ts';
import {
  buildDataPoint, validateDataPoint, type DataPoint,
} from '../../shared/omh/data-point.ts';
import type { SchemaRegistry } from '../../shared/omh/schema-registry.ts';
import type { HeldDataPointStore } from '../../shared/state/index.ts';
import type { Converter, ConverterRegistry } from './converter-registry.ts';
import { MappingError } from '../../shared/mapping/jsonata-mapping.ts';
import { isSkip, readDrafts, type DataPointDraft, type Draft } from './drafts.ts';
import { holdAll, type PendingHold } from './hold.ts';
import { summarise, type IngestItem, type IngestReport } from './report.ts';
import { uploadInBatches, type PendingUpload } from './upload.ts';

export interface IngestDeps {
  converters: ConverterRegistry;
  schemas: SchemaRegistry;
  jhe: ApiClient;
  config: IngestConfig;
  /** Where valid points JHE cannot store are held; without it they are reported rejected. */
  held?: HeldDataPointStore;
}

export interface IngestInput {
  patientId: number;
  vendor: string;
  collection: string;
  payload: unknown;
}

/** Runs the flow for one vendor payload and reports per item. */
export async function ingestPayload(
  deps: IngestDeps,
  context: RequestContext,
  input: IngestInput,
): Promise<IngestReport> {
  const drafts = await convert(deps, input);
  const items: IngestItem[] = [];
  const pending: PendingUpload[] = [];
  const holds: PendingHold[] = [];
  // Identifier -> the body it was first seen with, to tell repeats from conflicts.
  const seen = new Map<string, string>();

  for (const draft of drafts) {
    const { item, upload, hold } = prepare(deps, input, draft, seen);
    items.push(item);
    if (upload) pending.push(upload);
    if (hold) holds.push({ item, point: hold });
  }

  if (deps.held) await holdAll(deps.held, input, holds);
  await uploadInBatches(deps.jhe, context, pending, deps.config.batchSize);
  return { ...pick(input), summary: summarise(items), items };
}

async function convert(deps: IngestDeps, input: IngestInput): Promise<Draft[]> {
  const converters = deps.converters.for(input.vendor, input.collection);
  if (converters.length === 0) {
    throw new ApiError(404, 'CONVERTER.NOT_FOUND', 'No mapping exists for this vendor collection',
      { detail: `${input.vendor} ${input.collection} has no mapping to Open mHealth` });
  }
  const drafts: Draft[] = [];
  for (const converter of converters) {
    drafts.push(...readDrafts(await evaluate(converter, input.payload), converter.file));
  }
  return drafts;
}

/** A payload that makes a mapping fail at run time is the caller's bad input, not a crash. */
async function evaluate(converter: Converter, payload: unknown): Promise<unknown> {
  try {
    return await converter.mapping.evaluate(payload);
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    throw new ApiError(422, 'PAYLOAD.UNMAPPABLE', 'The payload cannot be converted', {
      detail: `${converter.vendor} ${converter.collection} records do not have the expected shape`,
      cause: error,
    });
  }
}

interface Prepared {
  item: IngestItem;
  upload?: PendingUpload;
  /** A valid, new data point JHE cannot store, to hold. */
  hold?: DataPoint;
}

/** Turns one draft into a report line and, when it is good and new, an upload or a hold. */
function prepare(
  deps: IngestDeps,
  input: IngestInput,
  draft: Draft,
  seen: Map<string, string>,
): Prepared {
  if (isSkip(draft)) {
    return { item: { sourceKey: draft.sourceKey, status: 'skipped', reason: draft.skip } };
  }
  const point = toDataPoint(deps, input, draft);
  const identifier = point.header.uuid;
  const item: IngestItem = { sourceKey: draft.sourceKey, schema: draft.schema, identifier,
    status: 'rejected' };

  const errors = validateDataPoint(deps.schemas, point);
  if (errors.length) {
    return { item: { ...item, code: 'DATAPOINT.SCHEMA_INVALID',
      reason: 'The converted data point does not match its Open mHealth schema', errors } };
  }
  const repeat = repeatWithin(seen, identifier, point);
  if (repeat) return { item: { ...item, ...repeat } };
  if (!jheAcceptsOnOmhPath(draft.schema)) return notAccepted(deps, item, point);
  const observation = buildObservation({
    point,
    patientId: input.patientId,
    deviceId: deps.config.deviceIds[input.vendor],
    identifierSystem: deps.config.identifierSystem,
  });
  return { item, upload: { item, observation } };
}

/**
 * Same vendor key twice in one payload: a true repeat is a duplicate, different values are a
 * conflict. Remembers a first sighting and returns nothing for it.
 */
function repeatWithin(
  seen: Map<string, string>, identifier: string, point: DataPoint,
): Partial<IngestItem> | undefined {
  const body = JSON.stringify(point.body);
  const earlier = seen.get(identifier);
  if (earlier === undefined) {
    seen.set(identifier, body);
    return undefined;
  }
  if (earlier === body) {
    return { status: 'duplicate', reason: 'Repeats an earlier record of this payload' };
  }
  return { code: 'DATAPOINT.CONFLICT',
    reason: 'An earlier record of this payload has the same key but different values' };
}

/** A valid point JHE cannot store: held when there is a store, else reported rejected. */
function notAccepted(deps: IngestDeps, item: IngestItem, point: DataPoint): Prepared {
  if (deps.held) return { item: { ...item, status: 'held' }, hold: point };
  return { item: { ...item, code: 'DATAPOINT.NOT_ACCEPTED_BY_JHE',
    reason: 'JHE stores only omh: data types on its Open mHealth path, so this data point '
      + 'was converted and validated but not uploaded' } };
}

function toDataPoint(deps: IngestDeps, input: IngestInput, draft: DataPointDraft) {
  return buildDataPoint({
    schema: draft.schema,
    body: draft.body,
    identity: [input.patientId, input.vendor, draft.schema, draft.sourceKey].join('|'),
    device: deps.converters.vendor(input.vendor)?.deviceLabel,
  });
}

function pick(input: IngestInput) {
  return { patientId: input.patientId, vendor: input.vendor, collection: input.collection };
}
