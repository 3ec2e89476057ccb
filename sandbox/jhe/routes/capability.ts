/**
 * A minimal CapabilityStatement in the shape JHE publishes (reference §3.8), limited to
 * what the sandbox emulates: Observation search, read and create, and batch.
 */

const SHALL = [{
  url: 'http://hl7.org/fhir/StructureDefinition/capabilitystatement-expectation',
  valueCode: 'SHALL',
}];

const OBSERVATION_SEARCH_PARAMS = [
  ['_id', 'token'], ['_lastUpdated', 'date'], ['_source', 'uri'], ['code', 'token'],
  ['date', 'date'], ['status', 'token'],
] as const;

/** The statement for a server at `origin`; `date` is the process start, as on JHE. */
export function capabilityStatement(origin: string, startedAt: Date): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: startedAt.toISOString(),
    kind: 'instance',
    fhirVersion: '5.0.0',
    format: ['json'],
    patchFormat: ['application/json'],
    software: { name: 'JupyterHealth Exchange' },
    implementation: {
      description: 'JHE SANDBOX: an in-process emulator, not JupyterHealth Exchange',
      url: `${origin}/FHIR/R5/`,
    },
    rest: [{
      mode: 'server',
      security: {
        extension: [{
          url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
          extension: [
            { url: 'authorize', valueUri: `${origin}/o/authorize/` },
            { url: 'token', valueUri: `${origin}/o/token/` },
          ],
        }],
        service: [{ coding: [{ system: 'http://hl7.org/fhir/restful-security-service',
          code: 'SMART-on-FHIR' }] }],
      },
      interaction: [{ code: 'batch', extension: SHALL }],
      resource: [{
        type: 'Observation',
        extension: SHALL,
        interaction: ['search-type', 'read', 'create']
          .map((code) => ({ code, extension: SHALL })),
        searchParam: OBSERVATION_SEARCH_PARAMS
          .map(([name, type]) => ({ name, type, extension: SHALL })),
      }],
    }],
  };
}
