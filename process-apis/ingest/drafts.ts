/**
 * What a vendor mapping yields for each vendor record: either a data point draft (schema id,
 * vendor key and OMH body) or a skip with its reason, so that nothing disappears unreported.
 */
import { asArray } from '../../shared/mapping/jsonata-mapping.ts';

export interface DataPointDraft {
  schema: string;
  sourceKey: string;
  body: Record<string, unknown>;
}

export interface SkippedRecord {
  sourceKey: string;
  skip: string;
}

export type Draft = DataPointDraft | SkippedRecord;

/** Checks a mapping's output item by item; a malformed item is a bug in the mapping. */
export function readDrafts(output: unknown, mappingFile: string): Draft[] {
  return asArray<unknown>(output).map((item, index) => {
    const draft = item as Partial<DataPointDraft & SkippedRecord>;
    if (typeof draft?.sourceKey !== 'string' || draft.sourceKey.length === 0) {
      throw new Error(`${mappingFile} item ${index} has no sourceKey`);
    }
    if (typeof draft.skip === 'string') return { sourceKey: draft.sourceKey, skip: draft.skip };
    if (typeof draft.schema !== 'string' || typeof draft.body !== 'object' || !draft.body) {
      throw new Error(`${mappingFile} item ${index} needs schema and body`);
    }
    return draft as DataPointDraft;
  });
}

export function isSkip(draft: Draft): draft is SkippedRecord {
  return 'skip' in draft;
}
