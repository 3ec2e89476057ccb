/**
 * Batch create through JHE's `POST <FHIR base>/`. JHE answers 200 whatever happened, and an
 * entry it cannot route adds an extra response entry, so response entries are matched to
 * Observations by identifier (JHE's 409 names it) and by order among the successes, never
 * by raw index.
 */
import { ApiError } from '../../shared/errors/problem.ts';
import type { components } from '../../specs/types/jhe.ts';
import type { JheClient } from './jhe-client.ts';
import { jheDiagnostics, jheError, jheErrorCode, jheErrorTitle } from './jhe-errors.ts';

/** An Observation identifier, the key batch results are matched by. */
export type Identifier = components['schemas']['Identifier'];
/** What happened to one Observation of a batch. */
export type BatchResult = components['schemas']['BatchResult'];

interface ResponseEntry {
  response?: { status?: string; outcome?: unknown };
  resource?: { id?: string };
}

type Observation = Record<string, unknown> & { identifier?: Identifier[] };

/**
 * Uploads the Observations and reports one result per Observation, in request order.
 * @throws ApiError 400 when an Observation lacks exactly one identifier or two share one.
 */
export async function createBatch(
  client: JheClient,
  observations: Observation[],
): Promise<BatchResult[]> {
  const identifiers = observations.map(singleIdentifier);
  assertUnique(identifiers);

  const response = await client.fhir({
    method: 'POST',
    path: '/',
    // One unique identifier per Observation: a second copy of the batch stores nothing twice.
    idempotent: true,
    body: {
      resourceType: 'Bundle',
      type: 'batch',
      entry: observations.map((resource) => ({
        resource, request: { method: 'POST', url: 'Observation' },
      })),
    },
  });
  if (response.status !== 200) throw jheError(response.status, response.body, 'fhir-write');

  const entries = ((response.body as { entry?: ResponseEntry[] })?.entry ?? []);
  const results = matchEntries(identifiers, entries);
  return response.resent ? results.map(resentResult) : results;
}

/**
 * The batch went out again after its connection dropped unanswered. An entry JHE now calls a
 * duplicate was, as far as anyone can tell, stored by the unanswered copy: it is this
 * upload's Observation, so it counts as created, without the id the lost answer carried.
 */
function resentResult(result: BatchResult): BatchResult {
  if (result.outcome !== 'duplicate') return { ...result, resent: true };
  return { identifier: result.identifier, outcome: 'created', httpStatus: result.httpStatus,
    resent: true };
}

/**
 * Pairs response entries with requests. Every Observation yields exactly one entry in
 * order; JHE's extra 400 entries for unroutable requests carry no identifier and are
 * recognised by count: when the counts differ, failures are matched by the identifier JHE
 * names and the rest in order.
 */
function matchEntries(identifiers: Identifier[], entries: ResponseEntry[]): BatchResult[] {
  if (entries.length < identifiers.length) {
    throw new ApiError(502, 'JHE.BATCH_MISMATCH', 'JHE answered fewer batch entries than sent', {
      cause: new Error(`sent ${identifiers.length}, got ${entries.length}`),
    });
  }
  const byIdentifier = new Map<string, ResponseEntry>();
  const unnamed: ResponseEntry[] = [];
  for (const entry of entries) {
    const named = namedIdentifier(entry);
    if (named && !byIdentifier.has(named)) byIdentifier.set(named, entry);
    else unnamed.push(entry);
  }
  return identifiers.map((identifier) => {
    const entry = byIdentifier.get(key(identifier)) ?? unnamed.shift();
    return toResult(identifier, entry);
  });
}

function toResult(identifier: Identifier, entry: ResponseEntry | undefined): BatchResult {
  const status = Number.parseInt(entry?.response?.status ?? '', 10);
  if (status === 201) {
    return { identifier, outcome: 'created', observationId: entry?.resource?.id, httpStatus: 201 };
  }
  const diagnostics = jheDiagnostics(entry?.response?.outcome);
  const code = Number.isFinite(status) ? jheErrorCode(status, diagnostics) : 'JHE.BATCH_MISMATCH';
  return {
    identifier,
    outcome: status === 409 ? 'duplicate' : 'rejected',
    httpStatus: Number.isFinite(status) ? status : undefined,
    code,
    reason: jheErrorTitle(code),
  };
}

/** JHE's 409 diagnostics name the identifier: `system=S value=V`. */
function namedIdentifier(entry: ResponseEntry): string | undefined {
  const text = jheDiagnostics(entry.response?.outcome);
  // A value may hold spaces; JHE ends the sentence with it, so take the rest of the text.
  const match = /system=(.+?) value=(.*)$/.exec(text);
  return match ? `${match[1]}|${match[2]}` : undefined;
}

function singleIdentifier(observation: Observation, index: number): Identifier {
  const list = observation.identifier ?? [];
  if (list.length !== 1) {
    throw new ApiError(400, 'BATCH.IDENTIFIER_REQUIRED',
      'Each Observation in a batch needs exactly one identifier', {
        errors: [{ pointer: `/observations/${index}/identifier`, detail: 'exactly one needed' }],
      });
  }
  return list[0];
}

function assertUnique(identifiers: Identifier[]): void {
  const seen = new Set<string>();
  identifiers.forEach((identifier, index) => {
    const id = key(identifier);
    if (seen.has(id)) {
      throw new ApiError(400, 'BATCH.IDENTIFIER_REPEATED',
        'Two Observations in one batch share an identifier', {
          errors: [{ pointer: `/observations/${index}/identifier/0`, detail: 'repeated' }],
        });
    }
    seen.add(id);
  });
}

function key(identifier: Identifier): string {
  return `${identifier.system}|${identifier.value}`;
}
