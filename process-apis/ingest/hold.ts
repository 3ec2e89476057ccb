/**
 * Holds the valid data points JHE cannot store yet (this project's `pause:` schemas on
 * JHE's Open mHealth path) in the state layer, and writes each outcome onto its report
 * item, so that such points are reported and kept, never dropped.
 */
import { asciiJson } from '../../shared/fhir/ascii-json.ts';
import type { DataPoint } from '../../shared/omh/data-point.ts';
import type { HeldDataPoint, HeldDataPointStore } from '../../shared/state/index.ts';
import type { IngestItem } from './report.ts';

/** A report item and the data point to hold for it. */
export interface PendingHold {
  item: IngestItem;
  point: DataPoint;
}

/** Whose data the points of one ingest are. */
export interface HoldOwner {
  patientId: number;
  vendor: string;
}

/** Holds each point (one hold instant per ingest) and updates its item. */
export async function holdAll(
  store: HeldDataPointStore,
  owner: HoldOwner,
  pending: PendingHold[],
): Promise<void> {
  const heldAt = new Date().toISOString();
  for (const { item, point } of pending) {
    const record = toRecord(owner, item, point, heldAt);
    Object.assign(item, await holdOne(store, record));
  }
}

function toRecord(
  owner: HoldOwner, item: IngestItem, point: DataPoint, heldAt: string,
): HeldDataPoint {
  const schema = item.schema ?? '';
  return {
    identifier: item.identifier ?? point.header.uuid,
    patientId: String(owner.patientId),
    vendor: owner.vendor,
    schema,
    dataPoint: { header: point.header, body: point.body },
    heldAt,
    reason: heldReason(schema),
  };
}

async function holdOne(
  store: HeldDataPointStore, record: HeldDataPoint,
): Promise<Partial<IngestItem>> {
  const held = { status: 'held' as const, code: 'DATAPOINT.HELD_FOR_JHE' };
  if (await store.hold(record)) return { ...held, reason: record.reason };

  // A point is held once; a later payload with other values under its key must say so,
  // or the new values would vanish behind the old record.
  const earlier = await store.get(record.identifier);
  if (earlier && asciiJson(earlier.dataPoint) !== asciiJson(record.dataPoint)) {
    return { status: 'rejected', code: 'DATAPOINT.CONFLICT',
      reason: 'A data point with this key is already held with different values' };
  }
  return { ...held, reason: `Already held: ${record.reason}` };
}

function heldReason(schema: string): string {
  return `JHE does not yet store ${schema} on its Open mHealth path, so this data point is `
    + 'held by the gateway until it does';
}
