/**
 * Which FHIR base JHE serves. Current JHE serves `/FHIR/R5` (case-sensitive); the Helm
 * chart's default image, v0.0.10, only `/fhir/r5`; v0.0.12 and v0.0.13 both (reference §0).
 * `auto` asks JHE once, at start-up.
 */
import type { Transport } from '../../shared/http/transport.ts';

/** The two FHIR bases JHE releases serve. */
export const FHIR_BASE_PATHS = ['/FHIR/R5', '/fhir/r5'] as const;

/** One of {@link FHIR_BASE_PATHS}. */
export type FhirBasePath = (typeof FHIR_BASE_PATHS)[number];

/**
 * The configured base, or for `auto` the detected one: `/FHIR/R5` when its public
 * CapabilityStatement answers 200, else `/fhir/r5` when an unauthenticated search there is
 * refused (401/403 means the route exists).
 * @throws Error naming what JHE answered when neither base is found, so start-up stops.
 */
export async function resolveFhirBasePath(
  setting: string,
  transport: Transport,
  timeoutMs: number,
): Promise<FhirBasePath> {
  if (setting !== 'auto') return assertKnown(setting);

  const current = await probe(transport, '/FHIR/R5/metadata', timeoutMs);
  if (current === 200) return '/FHIR/R5';
  const legacy = await probe(transport, '/fhir/r5/Observation', timeoutMs);
  if (legacy === 401 || legacy === 403) return '/fhir/r5';
  throw new Error('JHE_FHIR_BASE_PATH=auto found no FHIR API: GET /FHIR/R5/metadata answered '
    + `${current} and GET /fhir/r5/Observation answered ${legacy}. Check JHE_BASE_URL, or set `
    + 'JHE_FHIR_BASE_PATH to /FHIR/R5 or /fhir/r5.');
}

function assertKnown(setting: string): FhirBasePath {
  if ((FHIR_BASE_PATHS as readonly string[]).includes(setting)) return setting as FhirBasePath;
  throw new Error(`JHE_FHIR_BASE_PATH must be /FHIR/R5, /fhir/r5 or auto, got "${setting}"`);
}

/** The status of an unauthenticated GET, or a word saying why there was none. */
async function probe(transport: Transport, path: string, timeoutMs: number):
  Promise<number | string> {
  try {
    const response = await transport.send({
      method: 'GET', path, headers: { accept: 'application/json' }, timeoutMs,
    });
    return response.status;
  } catch (error) {
    return `nothing (${(error as Error).message})`;
  }
}
