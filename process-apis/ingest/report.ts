/** The per-item report of an ingest; its types come from `specs/process/ingest.yaml`. */
import { instantMs } from '../../shared/omh/effective-time.ts';
import type { components } from '../../specs/types/ingest.ts';

export type IngestItem = components['schemas']['IngestItem'];
export type IngestReport = components['schemas']['IngestReport'];
export type IngestSummary = IngestReport['summary'];

/** Counts items by status; `received` counts every item the mappings produced. */
export function summarise(items: IngestItem[]): IngestSummary {
  return addTo(emptySummary(), items);
}

export function emptySummary(): IngestSummary {
  return { received: 0, stored: 0, duplicate: 0, rejected: 0, skipped: 0, held: 0 };
}

/** Adds the items' counts to a running summary, as each chunk of a payload is done. */
export function addTo(summary: IngestSummary, items: IngestItem[]): IngestSummary {
  summary.received += items.length;
  for (const item of items) summary[item.status] += 1;
  return summary;
}

/**
 * The latest `effectiveAt` seen, compared as instants: `09:00+02:00` is earlier than
 * `08:00Z`, which text order would get wrong.
 */
export class LatestInstant {
  private latestMs = Number.NEGATIVE_INFINITY;
  private latestText?: string;

  see(text: string | undefined): void {
    if (text === undefined) return;
    const ms = instantMs(text);
    if (ms > this.latestMs) {
      this.latestMs = ms;
      this.latestText = text;
    }
  }

  get value(): string | undefined {
    return this.latestText;
  }
}
