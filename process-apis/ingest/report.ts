/** The per-item report of an ingest, as `specs/common/components.yaml` describes it. */
import type { ProblemField } from '../../shared/errors/problem.ts';

export interface IngestItem {
  sourceKey: string;
  schema?: string;
  identifier?: string;
  status: 'stored' | 'duplicate' | 'rejected' | 'skipped';
  observationId?: string;
  code?: string;
  reason?: string;
  errors?: ProblemField[];
}

export interface IngestSummary {
  received: number;
  stored: number;
  duplicate: number;
  rejected: number;
  skipped: number;
}

export interface IngestReport {
  patientId: number;
  vendor: string;
  collection: string;
  summary: IngestSummary;
  items: IngestItem[];
}

/** Counts items by status; `received` counts every item the mappings produced. */
export function summarise(items: IngestItem[]): IngestSummary {
  const summary = { received: items.length, stored: 0, duplicate: 0, rejected: 0, skipped: 0 };
  for (const item of items) summary[item.status] += 1;
  return summary;
}
