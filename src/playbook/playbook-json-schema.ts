import { toJsonSchema } from '@valibot/to-json-schema';
import { PLAYBOOK_SCHEMA } from './playbook-schema.js';

/** The JSON Schema (draft-07) of a playbook, published as schema/playbook.schema.json. */
export function playbookJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = toJsonSchema(PLAYBOOK_SCHEMA, {
    errorMode: 'throw',
    ignoreActions: ['check'],
  }) as Record<string, unknown>;
  return {
    $schema,
    title: 'acp-play playbook',
    description: "A list of plays, as in Ansible; each task names one of acp-play's modules.",
    ...rest,
  };
}
