/** Folders the layer reads at start-up, resolved from this file so any cwd works. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SPECS_DIR = join(PROJECT_ROOT, 'specs');
