/**
 * Turns one draft into its report line and, when the data point is good and new, the
 * Observation to upload or the data point to hold. Pure work on one draft: nothing here
 * talks to JHE or the state layer.
 */
import { buildObservation, jheAcceptsOnOmhPath } from '../../shared/fhir/observation.ts';
import {
  buildDataPoint, dataPointJson, validateDataPoint, type DataPoint,
} from '../../shared/omh/data-point.ts';
import { digestHex } from '../../shared/omh/digest.ts';
import { latestInstant } from '../../shared/omh/effective-time.ts';
import type { IngestDeps, IngestInput } from './ingest-flow.ts';
import { isSkip, type DataPointDraft, type Draft } from './drafts.ts';
import type { IngestItem } from './report.ts';
import type { PendingUpload } from './upload.ts';

export interface Prepared {
  item: IngestItem;
  upload?: PendingUpload;
  /** A valid, new data point JHE cannot store, to hold. */
  hold?: DataPoint;
}

/**
 * Identifier -> a digest of the body it was first seen with, over the whole payload (every
 * chunk), to tell repeats from conflicts. A digest, not the body: a year of 5-minute heart
 * rate keeps 105,000 of them, and the old generation grows with what it holds.
 */
export type SeenBodies = Map<string, string>;

export function prepare(
  deps: IngestDeps,
  input: IngestInput,
  draft: Draft,
  seen: SeenBodies,
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
  const effectiveAt = latestInstant(point.body);
  if (notFinal(effectiveAt, input.finalBy)) {
    return { item: { sourceKey: draft.sourceKey, schema: draft.schema, status: 'skipped',
      code: 'DATAPOINT.NOT_FINAL', reason: 'The period this data point covers has not ended '
        + 'yet; a later pull ingests it once it has' } };
  }
  if (effectiveAt !== undefined) item.effectiveAt = effectiveAt;
  const bodyJson = JSON.stringify(point.body);
  const repeat = repeatWithin(seen, identifier, bodyJson);
  if (repeat) return { item: { ...item, ...repeat } };
  if (!jheAcceptsOnOmhPath(draft.schema)) return notAccepted(deps, item, point);
  const observation = buildObservation({
    point,
    patientId: input.patientId,
    deviceId: deps.config.deviceIds[input.vendor],
    identifierSystem: deps.config.identifierSystem,
    pointJson: dataPointJson(point, bodyJson),
  });
  return { item, upload: { item, observation } };
}

/**
 * True when the data point's period ends after `finalBy`. Its identifier is fixed by its
 * period, so a partial value stored now could never be replaced by the final one.
 */
function notFinal(effectiveAt: string | undefined, finalBy: string | undefined): boolean {
  if (effectiveAt === undefined || finalBy === undefined) return false;
  return Date.parse(effectiveAt) > Date.parse(finalBy);
}

/**
 * Same vendor key twice in one payload: a true repeat is a duplicate, different values are a
 * conflict. Remembers a first sighting and returns nothing for it.
 */
function repeatWithin(
  seen: SeenBodies, identifier: string, bodyJson: string,
): Partial<IngestItem> | undefined {
  const body = digestHex('md5', bodyJson);
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
