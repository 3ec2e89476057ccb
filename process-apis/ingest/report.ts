/** The per-item report of an ingest; its types come from `specs/process/ingest.yaml`. */
import type { components } from '../../specs/types/ingest.ts';

export type IngestItem = components['schemas']['IngestItem'];
export type IngestReport = components['schemas']['IngestReport'];
export type IngestSummary = IngestReport['summary'];

/** Counts items by status; `received` counts every item the mappings produced. */
export function summarise(items: IngestItem[]): IngestSummary {
  const summary = {
    received: items.length, stored: 0, duplicate: 0, rejected: 0, skipped: 0, held: 0,
  };
  for (const item of items) summary[item.status] += 1;
  return summary;
}
