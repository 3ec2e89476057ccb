/**
 * Observation search as JHE runs it (reference §3.2, §3.3): pick the one store `_source`
 * names, authorize and apply the location filters, then `_id` and `_lastUpdated`, then
 * the Observation parameters (`status`, `date`) and `_sort`. Unknown parameters are
 * ignored. Steps run in JHE's order so the same request fails the same way.
 */
import { authorizeScope, visibleObservations } from './access.ts';
import { dateTests, effectiveSortKey, lastUpdatedTests, type RowTest } from './date-filter.ts';
import { parseModelId } from './model-id.ts';
import type { Caller, ObservationRow } from './model.ts';
import type { QueryParams } from './query-params.ts';
import { FHIR_SOURCE_BASE } from './aux-write.ts';
import { JHE_SOURCE } from './render.ts';
import type { JheStore } from './store.ts';

type Target = 'mapped' | 'aux' | 'empty';

/** The Observations a search matches, in result order. */
export function searchObservations(
  store: JheStore, caller: Caller, params: QueryParams,
): ObservationRow[] {
  const target = sourceTarget(params);

  let rows: ObservationRow[] = [];
  if (target !== 'empty') {
    const scope = authorizeScope(store, caller, {
      organization: params.get('patient.organization'),
      study: params.get('patient._has:_group:member:_id'),
      patient: params.get('patient'),
    });
    // The sandbox has no aux rows: an aux search is authorized and then finds nothing.
    if (target === 'mapped') {
      rows = narrowByPatientAndCode(store, visibleObservations(store, caller, scope), params);
    }
  }

  rows = applyAll(rows, commonTests(params));
  if (target === 'empty') return rows;

  rows = applyAll(rows, observationTests(params));
  return sortRows(rows, params.get('_sort'));
}

/** `_source` picks exactly one store; no `_source` means the mapped one. */
function sourceTarget(params: QueryParams): Target {
  const below = params.get('_source:below');
  if (below !== undefined) {
    return below.replace(/\/+$/, '') === FHIR_SOURCE_BASE ? 'aux' : 'empty';
  }
  const source = params.get('_source');
  if (source === undefined || source === JHE_SOURCE) return 'mapped';
  return new RegExp(`^${FHIR_SOURCE_BASE}/\\d+$`).test(source) ? 'aux' : 'empty';
}

/** `identifier` matches the patient's identifier value (any system); `code` is sys|code. */
function narrowByPatientAndCode(
  store: JheStore, rows: ObservationRow[], params: QueryParams,
): ObservationRow[] {
  const identifier = params.get('identifier') || params.get('patient.identifier');
  const identifierValue = identifier ? after(identifier, '|') : '';
  const code = params.get('code');
  const system = code ? before(code, '|') : '';
  const codeValue = code ? after(code, '|') : '';
  return rows.filter((row) => {
    const concept = store.code(row.codeId);
    const patient = store.patient(row.patientId);
    if (identifierValue && !patient?.identifiers.some((id) => id.value === identifierValue)) {
      return false;
    }
    if (system && concept?.system !== system) return false;
    return !codeValue || concept?.code === codeValue;
  });
}

/** `_id` (a wrong-shaped id matches nothing) and `_lastUpdated`. */
function commonTests(params: QueryParams): RowTest[] {
  const tests: RowTest[] = [];
  const id = params.get('_id');
  if (id) {
    const wanted = parseModelId(id);
    tests.push((row) => row.id === wanted);
  }
  return [...tests, ...lastUpdatedTests(params.getAll('_last_updated'))];
}

/**
 * `status` and `date`, matched case- and separator-insensitively, in request order. A
 * `status` without `final` empties the result at once, before later parameters are read.
 */
function observationTests(params: QueryParams): RowTest[] {
  const tests: RowTest[] = [];
  for (const key of params.keys()) {
    const name = key.toLowerCase().replace(/[_-]/g, '');
    const values = params.getAll(key);
    if (name === 'status') {
      // JHE splits on commas without trimming, so ` final` is not `final`.
      const codes = values.flatMap((value) => value.split(',')).map(tokenCode);
      if (!codes.includes('final')) return [() => false];
    }
    if (name === 'date') tests.push(...dateTests(values));
  }
  return tests;
}

/** `_sort` keys `date` and `lastUpdated`, with a pk tie-breaker; default `-lastUpdated`. */
function sortRows(rows: ObservationRow[], sortParam: string | undefined): ObservationRow[] {
  const keys: Array<(a: ObservationRow, b: ObservationRow) => number> = [];
  for (const token of (sortParam ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const descending = token.startsWith('-');
    const name = (descending ? token.slice(1) : token).toLowerCase().replace(/[_-]/g, '');
    const sign = descending ? -1 : 1;
    if (name === 'lastupdated') keys.push((a, b) => sign * (a.lastUpdated - b.lastUpdated));
    if (name === 'date') {
      keys.push((a, b) => compareNullsLast(effectiveSortKey(a), effectiveSortKey(b), sign));
    }
  }
  if (keys.length === 0) {
    // JHE has no tie-breaker here; the sandbox puts the newer row first for stable paging.
    keys.push((a, b) => b.lastUpdated - a.lastUpdated || b.id - a.id);
  } else {
    keys.push((a, b) => a.id - b.id);
  }
  return [...rows].sort((a, b) => keys.reduce((result, compare) => result || compare(a, b), 0));
}

function compareNullsLast(a: number | null, b: number | null, sign: number): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return sign * (a - b);
}

function applyAll(rows: ObservationRow[], tests: RowTest[]): ObservationRow[] {
  return rows.filter((row) => tests.every((test) => test(row)));
}

/** A token's code: `sys|code` gives code, a bare value is the code. */
function tokenCode(token: string): string {
  return token.includes('|') ? after(token, '|') : token;
}

function before(text: string, separator: string): string {
  const index = text.indexOf(separator);
  return index < 0 ? text : text.slice(0, index);
}

function after(text: string, separator: string): string {
  const index = text.indexOf(separator);
  return index < 0 ? '' : text.slice(index + 1);
}
