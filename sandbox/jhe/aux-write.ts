/**
 * Writes JHE would send to its auxiliary store (non-OMH resources, reference §3.2, §3.7).
 * The sandbox has no aux store and no FhirSources, so every such write fails the way JHE
 * fails it: an invalid Observation body first, then the missing or unknown FhirSource.
 */
import { parseObservation } from './fhir-parse.ts';
import { FhirError } from './outcome.ts';
import { drfValidationText } from './python-repr.ts';

/** The prefix of a FhirSource URI in `meta.source`. */
export const FHIR_SOURCE_BASE = 'https://jupyterhealth.org/fhir/fhir-source';

/** @throws FhirError 400 always, with the text JHE's DRF ValidationError would carry. */
export function rejectAuxWrite(
  resourceType: string, resource: unknown, sourceHeader: string | undefined,
): never {
  const body = (typeof resource === 'object' && resource !== null ? resource : {}) as
    Record<string, unknown>;
  if (resourceType === 'Observation') {
    // JHE validates the body without its resourceType before it looks for a source.
    const withoutType = { ...body };
    delete withoutType.resourceType;
    const parsed = parseObservation(withoutType);
    if ('error' in parsed) {
      throw new FhirError(400, drfValidationText(`Invalid FHIR Observation: ${parsed.error}`));
    }
  }
  return rejectMissingSource(body, sourceHeader);
}

/**
 * JHE's FhirSource lookup for aux writes: the header wins over the body's `meta.source`.
 * @throws FhirError 400 always, since the sandbox holds no FhirSources.
 */
export function rejectMissingSource(resource: unknown, sourceHeader: string | undefined): never {
  const body = (typeof resource === 'object' && resource !== null ? resource : {}) as
    Record<string, unknown>;
  const sourceId = sourceHeader || sourceIdFromMeta(body);
  if (!sourceId) {
    throw new FhirError(400, drfValidationText('A FhirSource is required to write this '
      + "resource: send the 'X-JHE-FHIR-Source-ID' header or set the resource's meta.source "
      + `to '${FHIR_SOURCE_BASE}/<id>'.`));
  }
  throw new FhirError(400, drfValidationText(`FhirSource '${sourceId}' does not exist.`));
}

function sourceIdFromMeta(body: Record<string, unknown>): string | undefined {
  const meta = body.meta as { source?: unknown } | undefined;
  const source = typeof meta?.source === 'string' ? meta.source : '';
  const match = new RegExp(`^${FHIR_SOURCE_BASE.replace(/\./g, '\\.')}/(\\d+)$`).exec(source);
  return match?.[1];
}
