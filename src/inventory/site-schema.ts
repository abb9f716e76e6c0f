import type * as v from 'valibot';
import type { Problem } from '../core/errors.js';
import type { Host, Inventory } from '../core/inventory.js';
import type { PlatformCatalog } from '../core/platform.js';
import { HOST_KEY_SCHEMAS, platformVarSchema } from './host-vars-schema.js';
import { findKeyTypo } from './key-typos.js';
import { checkValue, type SchemaIssue } from './schema-issues.js';
import { describeIssue, formatKeyPath } from './schema-issue-text.js';
import { suggest } from '../core/did-you-mean.js';

// Host variables are frozen and mostly shared (every host sees the one `site` of group_vars/all): each object is
// checked once, not once per host.
const checked = new WeakMap<object, Map<v.GenericSchema, SchemaIssue[]>>();

function checkSharedValue(value: unknown, schema: v.GenericSchema): SchemaIssue[] {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return checkValue(value, schema);
  let bySchema = checked.get(value);
  if (!bySchema) {
    bySchema = new Map();
    checked.set(value, bySchema);
  }
  let issues = bySchema.get(schema);
  if (!issues) {
    issues = checkValue(value, schema);
    bySchema.set(schema, issues);
  }
  return issues;
}

/**
 * Checks one host's variables against the schema, and against the host variables its platform declares: every
 * problem, located in the file that set the variable. The platform names come from `platforms`.
 */
export function checkHostSchema(host: Host, inventory: Inventory, platforms: PlatformCatalog): Problem[] {
  const problems: Problem[] = [];
  const platformVars = (host.platform !== undefined && platforms.resolve(host.platform)?.hostVars) || {};
  for (const [key, value] of Object.entries(host.vars)) {
    const origin = Object.hasOwn(host.origins, key) ? host.origins[key] : undefined;
    const locate = (path: readonly (string | number)[]) => (origin ? inventory.locate(origin, path) : undefined);
    const platformVar = Object.hasOwn(platformVars, key) ? platformVars[key] : undefined;
    const schema = Object.hasOwn(HOST_KEY_SCHEMAS, key)
      ? HOST_KEY_SCHEMAS[key]
      : platformVar && platformVarSchema(platformVar);
    if (schema) {
      for (const issue of checkSharedValue(value, schema))
        problems.push({
          severity: 'error',
          location: locate(issue.path),
          ...describeIssue(issue, (path) => formatKeyPath(key, path)),
        });
      if (
        (key === 'platform' || key === 'ansible_network_os') &&
        typeof value === 'string' &&
        !platforms.resolve(value)
      )
        problems.push({ severity: 'error', location: locate([]), ...unknownPlatform(value, host, platforms) });
      continue;
    }
    const typo = findKeyTypo(key, value);
    if (typo) {
      problems.push({
        severity: 'error',
        location: locate([]),
        message: `variable ${key} looks like a misspelling of acp-play's key ${typo}, so acp-play would ignore it`,
        fix: `did you mean ${typo}? rename it (or rename the variable if it is really a template variable)`,
      });
    }
  }
  return problems;
}

function unknownPlatform(value: string, host: Host, platforms: PlatformCatalog): { message: string; fix: string } {
  const names = platforms.all.flatMap((p) => [p.id, ...p.aliases]);
  const hint = suggest(value, names);
  const ids = platforms.all.map((p) => p.id).join(', ');
  const ansible = platforms.all.flatMap((p) => p.aliases.filter((a) => a.includes('.')));
  const understood = ansible.length ? ` (Ansible names such as ${ansible.join(', ')} are understood)` : '';
  return {
    message: `unknown platform ${JSON.stringify(value)} on ${host.name}`,
    fix: `${hint ? `did you mean ${hint}? ` : ''}use one of: ${ids}${understood}`,
  };
}
