/**
 * Generates TypeScript types from the OpenAPI contracts into `specs/types/`, so that body
 * types are written once, in the contract. `npm run gen:types` rewrites them;
 * `test/contracts/generated-types.test.ts` fails when a contract changed without this.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { SPECS_DIR } from '../shared/paths.ts';

/** Contract file (under specs/) -> generated module name. */
export const CONTRACTS: Record<string, string> = {
  'system/jhe.yaml': 'jhe',
  'system/oura.yaml': 'oura',
  'system/open-wearables.yaml': 'open-wearables',
  'process/ingest.yaml': 'ingest',
  'process/patient-bundle.yaml': 'patient-bundle',
  'process/wearable-connections.yaml': 'wearable-connections',
  'process/wearable-sync.yaml': 'wearable-sync',
  'experience/pause-backend.yaml': 'pause-backend',
};

const HEADER = '// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.\n';

/** The generated source for one contract. */
export async function generate(contract: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(join(SPECS_DIR, contract)));
  return HEADER + astToString(ast);
}

export function outputFile(contract: string): string {
  return join(SPECS_DIR, 'types', `${CONTRACTS[contract]}.ts`);
}

async function main(): Promise<void> {
  for (const contract of Object.keys(CONTRACTS)) {
    writeFileSync(outputFile(contract), await generate(contract));
    process.stdout.write(`wrote ${outputFile(contract)}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  });
}
