/**
 * Assembles a patient's timeline: one JHE search per requested data type (or one for all),
 * each followed to its last page by the JHE system API, then every Observation's attachment
 * decoded back into its Open mHealth data point and ordered by effective time.
 */
import type { ApiClient } from '../../shared/http/api-client.ts';
import type { RequestContext } from '../../shared/api-kit/request-context.ts';
import { decodeBase64Json } from '../../shared/fhir/ascii-json.ts';
import type { components } from '../../specs/types/patient-bundle.ts';
import { measurementStart } from './effective-time.ts';

export interface TimelineQuery {
  patientId: number;
  start: string;
  end: string;
  schemas?: string[];
}

interface Observation {
  id: string;
  identifier?: { system: string; value: string }[];
  code?: { coding?: { code?: string }[] };
  valueAttachment?: { data?: string };
}

export type TimelineEntry = components['schemas']['TimelineEntry'];
export type Timeline = components['schemas']['Timeline'];

/** Reads, decodes and orders the window's data points. */
export async function readTimeline(
  jhe: ApiClient,
  context: RequestContext,
  query: TimelineQuery,
): Promise<Timeline> {
  // One search per distinct data type: a repeated type must not repeat its readings.
  const codes = query.schemas?.length ? [...new Set(query.schemas)] : [undefined];
  const pages = await Promise.all(codes.map((code) => jhe.call<{ observations: Observation[] }>(
    context, {
      method: 'GET',
      path: '/observations',
      query: { patient: query.patientId, code, date: [`ge${query.start}`, `lt${query.end}`] },
    })));

  const entries: TimelineEntry[] = [];
  const unreadable: string[] = [];
  for (const observation of pages.flatMap((page) => page.observations)) {
    const entry = decode(observation);
    if (entry) entries.push(entry);
    else unreadable.push(observation.id);
  }
  entries.sort(byEffectiveTime);

  const timeline: Timeline = {
    patientId: query.patientId,
    window: { start: query.start, end: query.end },
    count: entries.length,
    entries,
  };
  if (unreadable.length) timeline.unreadable = unreadable;
  return timeline;
}

function decode(observation: Observation): TimelineEntry | undefined {
  try {
    const point = decodeBase64Json(observation.valueAttachment?.data ?? '') as
      TimelineEntry['dataPoint'];
    if (typeof point?.header !== 'object' || typeof point?.body !== 'object') return undefined;
    return {
      observationId: observation.id,
      identifier: observation.identifier?.[0]?.value,
      schema: observation.code?.coding?.[0]?.code ?? 'unknown',
      dataPoint: point,
    };
  } catch {
    return undefined;
  }
}

function byEffectiveTime(a: TimelineEntry, b: TimelineEntry): number {
  const difference = measurementStart(a.dataPoint.body) - measurementStart(b.dataPoint.body);
  if (difference !== 0 && !Number.isNaN(difference)) return difference;
  return a.schema.localeCompare(b.schema) || a.observationId.localeCompare(b.observationId);
}
