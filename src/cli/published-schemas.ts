import { inventoryJsonSchema } from '../inventory/inventory-json-schema.js';
import { playbookJsonSchema } from '../playbook/playbook-json-schema.js';
import { defaultPlatforms } from '../platforms/platform-list.js';

/**
 * The JSON Schemas acp-play publishes for editors (yaml-language-server), by their path in the repository, as
 * written by `npm run schemas`. A test checks that the committed files are these.
 */
export function publishedSchemas(): Record<string, string> {
  const text = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;
  return {
    'schema/inventory.schema.json': text(inventoryJsonSchema(defaultPlatforms())),
    'schema/playbook.schema.json': text(playbookJsonSchema()),
  };
}
