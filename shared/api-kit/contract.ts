/**
 * Loading an OpenAPI 3.x contract: bundle its `$ref`s into one document, check it, and list
 * its operations. The contract is the router; nothing here knows about handlers.
 */
import SwaggerParser from '@apidevtools/swagger-parser';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation of a contract. */
export interface ContractOperation {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/patients/{patientId}/timeline`. */
  path: string;
}

/** A bundled, validated contract. */
export interface Contract {
  /** The bundle: external files inlined once, internal `$ref`s kept. Served to callers. */
  document: OpenApiDocument;
  /** Every `$ref` replaced by its target, for the validator: swagger-parser's bundles can
   * point a `$ref` into a parameter, which Ajv cannot resolve. */
  dereferenced: OpenApiDocument;
  basePath: string;
  operations: ContractOperation[];
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string }[];
  paths: Record<string, Partial<Record<HttpMethod, { operationId?: string }>>>;
  [key: string]: unknown;
}

/**
 * Bundles and validates the contract file and lists its operations.
 * @throws Error when the contract is invalid or an operation lacks an operationId.
 */
export async function loadContract(file: string): Promise<Contract> {
  const bundled = (await SwaggerParser.bundle(file)) as unknown as OpenApiDocument;
  // validate() dereferences in place, so it gets a copy; we keep the compact bundle.
  const dereferenced = (await SwaggerParser.validate(structuredClone(bundled) as never)) as
    unknown as OpenApiDocument;
  const basePath = bundled.servers?.[0]?.url ?? '';
  if (basePath !== '' && !/^\/[a-z0-9/-]+[a-z0-9]$/.test(basePath)) {
    throw new Error(`${file}: servers[0].url must be a relative base path, got ${basePath}`);
  }
  return {
    document: bundled, dereferenced, basePath, operations: listOperations(bundled, file),
  };
}

function listOperations(document: OpenApiDocument, file: string): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (!operation.operationId) {
        throw new Error(`${file}: ${method.toUpperCase()} ${path} has no operationId`);
      }
      operations.push({ operationId: operation.operationId, method, path });
    }
  }
  return operations;
}

/** `/patients/{patientId}` becomes the Express route `/patients/:patientId`. */
export function toExpressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}
