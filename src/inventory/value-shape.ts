import { YamlTimestamp } from '../core/yaml-timestamp.js';

/** What a value is, as the user sees it in YAML. */
export type Shape = 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'map' | 'null' | 'other';

/**
 * The shape of a YAML value as the user sees it. YAML 1.1's other types (a timestamp, `!!binary`, `!!set`,
 * `!!omap`) and vault values are `other`: only a schema of any value takes them.
 */
export function shapeOf(value: unknown): Shape {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  const proto = typeof value === 'object' ? (Object.getPrototypeOf(value) as unknown) : undefined;
  return proto === Object.prototype || proto === null ? 'map' : 'other';
}

function describeOther(value: unknown): string {
  if (value instanceof YamlTimestamp) return 'a date (YAML reads an unquoted 2024-01-01 as one)';
  if (ArrayBuffer.isView(value)) return 'binary data (!!binary)';
  if (value instanceof Set) return 'a set (!!set)';
  if (value instanceof Map) return 'an ordered map (!!omap)';
  if (value !== null && typeof value === 'object' && 'ciphertext' in value) return 'an Ansible Vault value';
  return `a ${typeof value}`;
}

/** `the string "abc"`, `1.5`, `a list`, ... for "found ..." in messages. */
export function describeValue(value: unknown): string {
  switch (shapeOf(value)) {
    case 'null':
      return 'an empty value';
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'integer':
    case 'number':
    case 'boolean':
      return `${String(value)}`;
    case 'list':
      return 'a list';
    case 'map':
      return 'a mapping';
    case 'other':
      return describeOther(value);
  }
}
