import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { SPECS_DIR } from '../../shared/paths.ts';
import { CONTRACTS, generate, outputFile } from '../../scripts/gen-types.ts';

const files = Object.keys(CONTRACTS);

describe('API contracts', () => {
  it.each(files)('%s bundles and validates as OpenAPI 3', async (file) => {
    const bundled = await SwaggerParser.bundle(join(SPECS_DIR, file));
    const api = await SwaggerParser.validate(bundled as never);
    expect(api.info.title).toMatch(/API$/);
  });

  it.each(files)('%s gives every operation an operationId and problem+json errors', async (file) => {
    const api = await SwaggerParser.dereference(join(SPECS_DIR, file)) as unknown as {
      paths: Record<string, Record<string, { operationId?: string; responses: object }>>;
    };
    for (const [path, item] of Object.entries(api.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        const errors = Object.entries(operation.responses).filter(([code]) => code >= '400');
        expect(errors.length, `${method} ${path} declares its errors`).toBeGreaterThan(0);
        for (const [, response] of errors) {
          expect(Object.keys((response as { content: object }).content))
            .toEqual(['application/problem+json']);
        }
      }
    }
  });

  it.each(files)('the generated types of %s match the contract (npm run gen:types)', async (file) => {
    expect(readFileSync(outputFile(file), 'utf8')).toBe(await generate(file));
  });
});
