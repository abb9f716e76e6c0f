/**
 * A small declarative schema checker for inventory values. It knows nothing about acp-play's keys: it walks a
 * value against a {@link Schema} and reports every issue with the path inside the value, so the caller can turn
 * the path into a file position.
 */

export type Schema =
  | { readonly kind: 'string' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** A mapping with a closed set of keys. */
  | { readonly kind: 'map'; readonly fields: Readonly<Record<string, Field>> }
  /** A mapping with free keys (switch ports by name), every value checked against `values`. */
  | { readonly kind: 'dict'; readonly values: Schema }
  | { readonly kind: 'list'; readonly items: Schema }
  /** The first option whose shape (scalar type, list, mapping) matches the value is checked. */
  | { readonly kind: 'oneOf'; readonly options: readonly Schema[] }
  | { readonly kind: 'any' };

export interface Field {
  readonly schema: Schema;
  readonly required?: boolean;
}

/** One thing wrong inside a value; `path` is relative to the value checked. */
export interface SchemaIssue {
  readonly kind: 'unknown-key' | 'wrong-type' | 'missing' | 'bad-enum';
  readonly path: readonly (string | number)[];
  /** The key or value at fault (unknown key name, missing key name, bad enum value). */
  readonly word?: string;
  /** Candidates for a did-you-mean: known keys or allowed values. */
  readonly candidates?: readonly string[];
  readonly expected?: string;
  readonly found?: string;
}

type Shape = 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'map' | 'null' | 'other';

/**
 * The shape of a YAML value as the user sees it. YAML 1.1's other types (a `!!timestamp` date, `!!binary`, `!!set`,
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
  if (value instanceof Date) return 'a date (YAML reads an unquoted 2024-01-01 as one)';
  if (ArrayBuffer.isView(value)) return 'binary data (!!binary)';
  if (value instanceof Set) return 'a set (!!set)';
  if (value instanceof Map) return 'an ordered map (!!omap)';
  if (value !== null && typeof value === 'object' && 'ciphertext' in value) return 'an Ansible Vault value';
  return `a ${typeof value}`;
}

/** `a string "abc"`, `the number 1.5`, `a list`, ... for "found ..." in messages. */
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

/** `an integer`, `true or false`, `one of: access, trunk`, ... */
export function describeSchema(schema: Schema): string {
  switch (schema.kind) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of: ${schema.values.join(', ')}`;
    case 'map':
    case 'dict':
      return 'a mapping';
    case 'list':
      return 'a list';
    case 'oneOf':
      return schema.options.map(describeSchema).join(' or ');
    case 'any':
      return 'any value';
  }
}

function accepts(schema: Schema, shape: Shape): boolean {
  switch (schema.kind) {
    case 'string':
    case 'enum':
      return shape === 'string';
    case 'integer':
      return shape === 'integer';
    case 'boolean':
      return shape === 'boolean';
    case 'map':
    case 'dict':
      return shape === 'map';
    case 'list':
      return shape === 'list';
    case 'oneOf':
      return schema.options.some((o) => accepts(o, shape));
    case 'any':
      return true;
  }
}

/** Checks `value` against `schema`; returns every issue found (empty when the value fits). */
export function checkSchema(value: unknown, schema: Schema, path: readonly (string | number)[] = []): SchemaIssue[] {
  const shape = shapeOf(value);
  if (!accepts(schema, shape)) {
    return [{ kind: 'wrong-type', path, expected: describeSchema(schema), found: describeValue(value) }];
  }
  switch (schema.kind) {
    case 'enum':
      return schema.values.includes(value as string)
        ? []
        : [{ kind: 'bad-enum', path, word: value as string, candidates: schema.values }];
    case 'oneOf': {
      const option = schema.options.find((o) => accepts(o, shape))!;
      return checkSchema(value, option, path);
    }
    case 'list':
      return (value as unknown[]).flatMap((item, i) => checkSchema(item, schema.items, [...path, i]));
    case 'dict':
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
        checkSchema(v, schema.values, [...path, k]),
      );
    case 'map':
      return checkMap(value as Record<string, unknown>, schema.fields, path);
    default:
      return [];
  }
}

function checkMap(
  value: Record<string, unknown>,
  fields: Readonly<Record<string, Field>>,
  path: readonly (string | number)[],
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const known = Object.keys(fields);
  // Own keys only: `__proto__`, `constructor` or `toString` written by the user are unknown keys like any other.
  for (const [key, item] of Object.entries(value)) {
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!field) issues.push({ kind: 'unknown-key', path: [...path, key], word: key, candidates: known });
    else issues.push(...checkSchema(item, field.schema, [...path, key]));
  }
  for (const [key, field] of Object.entries(fields)) {
    if (field.required && !Object.hasOwn(value, key)) {
      issues.push({ kind: 'missing', path, word: key });
    }
  }
  return issues;
}
