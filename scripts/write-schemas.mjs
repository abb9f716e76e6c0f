// Writes schema/inventory.schema.json and schema/playbook.schema.json from the valibot schemas of the built code
// (`npm run schemas` builds first). test/unit/schema/published-schemas.test.ts fails when they are out of date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedSchemas } from '../dist/cli/published-schemas.js';

const root = join(import.meta.dirname, '..');
for (const [path, text] of Object.entries(publishedSchemas())) {
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}
