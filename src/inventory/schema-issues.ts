import * as v from 'valibot';
import { describeValue, shapeOf, type Shape } from './value-shape.js';

/**
 * Checks a value against a valibot schema and says what is wrong in acp-play's terms: every issue with its path
 * inside the value (the caller turns the path into a file position), the word at fault and what would fit. A union
 * is checked by the option whose shape (scalar type, list, mapping) the value has, and a variant by the option its
 * key names (a task's `module`), so a nested mistake is reported where it is, not as "none of the options".
 */

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
  /** The schema's own description of the value at fault (`v.description`), for the fix. */
  readonly description?: string;
}

/** The parts of a valibot schema object this walks (all public properties of valibot's schemas). */
interface Node {
  readonly type: string;
  readonly entries?: Readonly<Record<string, Node>>;
  readonly item?: Node;
  readonly value?: Node;
  readonly options?: readonly (Node | string)[];
  readonly wrapped?: Node;
  readonly key?: string;
  readonly literal?: unknown;
  readonly pipe?: readonly { readonly type: string; readonly message?: unknown; readonly description?: unknown }[];
}

type Path = readonly (string | number)[];
type AnySchema = v.GenericSchema;

const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest']);
// valibot skips these keys of an input object (prototype safety); they are renamed while checking, so a port or a
// label may still be called `constructor`, and a closed map still reports them as unknown keys.
const GUARDED_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const GUARD = '\u0000';

function node(schema: AnySchema | Node): Node {
  const n = schema as Node;
  return n.type === 'optional' || n.type === 'nullish' || n.type === 'nullable' ? node(n.wrapped!) : n;
}

/** The actions of a schema's pipe, a pipe inside it included (`v.pipe(v.pipe(v.number(), v.integer()), ...)`). */
function actions(n: Node): NonNullable<Node['pipe']> {
  return (n.pipe ?? []).flatMap((a, i) => (i > 0 || a === n ? [a] : actions(a as Node)));
}

function isInteger(n: Node): boolean {
  return n.type === 'number' && actions(n).some((a) => a.type === 'integer');
}

/** `an integer`, `true or false`, `one of: access, trunk`, ... */
export function describeSchema(schema: AnySchema | Node): string {
  const n = node(schema);
  if (isInteger(n)) return 'an integer';
  switch (n.type) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'picklist':
      return `one of: ${(n.options as string[]).join(', ')}`;
    case 'array':
      return 'a list';
    case 'record':
      return 'a mapping';
    case 'union':
      return [...new Set((n.options as Node[]).map(describeSchema))].join(' or ');
    case 'variant':
      return 'a mapping';
    default:
      return OBJECT_TYPES.has(n.type) ? 'a mapping' : 'any value';
  }
}

function accepts(schema: Node, shape: Shape): boolean {
  const n = node(schema);
  if (isInteger(n)) return shape === 'integer';
  switch (n.type) {
    case 'string':
    case 'picklist':
      return shape === 'string';
    case 'number':
      return shape === 'integer' || shape === 'number';
    case 'boolean':
      return shape === 'boolean';
    case 'array':
      return shape === 'list';
    case 'record':
    case 'variant':
      return shape === 'map';
    case 'union':
      return (n.options as Node[]).some((o) => accepts(o, shape));
    case 'any':
    case 'unknown':
      return true;
    default:
      return OBJECT_TYPES.has(n.type) && shape === 'map';
  }
}

/** A deep copy with the keys valibot would skip renamed (see GUARDED_KEYS). */
function guarded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(guarded);
  if (shapeOf(value) !== 'map') return value;
  return Object.fromEntries(
    Object.entries(value as object).map(([k, inner]) => [GUARDED_KEYS.has(k) ? GUARD + k : k, guarded(inner)]),
  );
}

const unguard = (key: unknown): string | number =>
  typeof key === 'string' && key.startsWith(GUARD) ? key.slice(1) : (key as string | number);

/** Checks `value` against `schema`; every issue found (none when the value fits). */
export function checkValue(value: unknown, schema: AnySchema): SchemaIssue[] {
  return checkAt(schema as unknown as Node, [], guarded(value));
}

function checkAt(schema: Node, at: Path, value: unknown): SchemaIssue[] {
  const n = node(schema);
  if (n.type === 'union') {
    const option = (n.options as Node[]).find((o) => accepts(o, shapeOf(value)));
    if (!option) return [wrongType(n, value, at)];
    return checkAt(option, at, value);
  }
  // One issue per pipe: "abc" is not a percentage; that it is not above 0 either is noise.
  const result = v.safeParse(n as unknown as AnySchema, value, { abortEarly: false, abortPipeEarly: true });
  if (result.success) return [];
  const issues: SchemaIssue[] = [];
  const unknownIn = new Set<string>();
  for (const issue of result.issues) {
    const rel = (issue.path ?? []).map((p) => unguard(p.key));
    const path = [...at, ...rel];
    const parentValue = valueAt(value, rel.slice(0, -1).map(guardKey));
    const target = schemaAt(n, value, rel.map(guardKey));
    if (OBJECT_TYPES.has(issue.type) && rel.length > 0 && shapeOf(parentValue) !== 'map') {
      // valibot takes a list for an object (its keys are the indexes): the list is the mistake, not its keys.
      const parent = schemaAt(n, value, rel.slice(0, -1).map(guardKey));
      issues.push(wrongType(parent ?? n, parentValue, path.slice(0, -1)));
    } else if (OBJECT_TYPES.has(issue.type) && issue.expected === 'never') {
      // valibot reports the first unknown key of an object; every one of them is an issue.
      const parent = schemaAt(n, value, rel.slice(0, -1).map(guardKey));
      const key = JSON.stringify(path.slice(0, -1));
      if (unknownIn.has(key)) continue;
      unknownIn.add(key);
      const shape = node(parent!).type === 'variant' ? variantOption(node(parent!), parentValue) : parent;
      const known = Object.keys(node(shape ?? parent!).entries ?? {});
      for (const k of Object.keys(parentValue as object).map(unguard)) {
        if (!known.includes(String(k))) {
          issues.push({ kind: 'unknown-key', path: [...path.slice(0, -1), k], word: String(k), candidates: known });
        }
      }
    } else if (OBJECT_TYPES.has(issue.type) && issue.received === 'undefined') {
      const word = String(path[path.length - 1]);
      const entry = node(schemaAt(n, value, rel.slice(0, -1).map(guardKey))!).entries?.[word];
      issues.push({ kind: 'missing', path: path.slice(0, -1), word, ...described(entry) });
    } else if (issue.type === 'variant' && shapeOf(parentValue) === 'map') {
      issues.push(badDiscriminator(schemaAt(n, value, rel.slice(0, -1).map(guardKey))!, parentValue, path));
    } else if (target && node(target).type === 'union') {
      issues.push(...checkAt(target, path, valueAt(value, rel.map(guardKey))));
    } else if (issue.type === 'picklist' && typeof valueAt(value, rel.map(guardKey)) === 'string') {
      const word = valueAt(value, rel.map(guardKey)) as string;
      issues.push({ kind: 'bad-enum', path, word, candidates: node(target!).options as string[] });
    } else {
      const told = issue.kind === 'validation' ? actionMessage(target ?? n, issue.type) : undefined;
      issues.push(wrongType(target ?? n, valueAt(value, rel.map(guardKey)), path, told));
    }
  }
  // Issues of one union option arrive once per issue valibot reported there.
  return [...new Map(issues.map((i) => [JSON.stringify(i), i])).values()];
}

function wrongType(schema: Node, value: unknown, path: Path, expected = describeSchema(schema)): SchemaIssue {
  return { kind: 'wrong-type', path, expected, found: describeValue(value), ...described(schema) };
}

/** `{description}` when the schema has one (`v.description` in its pipe), else nothing. */
function described(schema: Node | undefined): { description?: string } {
  const text = schema && actions(node(schema)).find((a) => a.type === 'description')?.description;
  return typeof text === 'string' ? { description: text } : {};
}

/** The message a pipe action of `schema` was given (`v.minValue(1, 'a positive host count')`), if any. */
function actionMessage(schema: Node, type: string): string | undefined {
  const message = actions(node(schema)).find((a) => a.type === type)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** A variant's key missing or naming no option: what it may be, with a did-you-mean. */
function badDiscriminator(variant: Node, value: unknown, at: Path): SchemaIssue {
  const key = node(variant).key!;
  const candidates = (node(variant).options as Node[]).map((o) => String(node(o).entries![key]!.literal));
  const word = (value as Record<string, unknown>)[key];
  if (word === undefined) return { kind: 'missing', path: at.slice(0, -1), word: key, candidates };
  return { kind: 'bad-enum', path: at, word: typeof word === 'string' ? word : describeValue(word), candidates };
}

function guardKey(key: string | number): string | number {
  return typeof key === 'string' && GUARDED_KEYS.has(key) ? GUARD + key : key;
}

function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** The schema that checks the value at `path` (through unions by the value's shape), or undefined. */
function schemaAt(schema: Node, value: unknown, path: Path): Node | undefined {
  let current: Node | undefined = schema;
  let inner = value;
  for (const step of path) {
    let n = node(current);
    if (n.type === 'union') n = node((n.options as Node[]).find((o) => accepts(o, shapeOf(inner))) ?? n);
    if (n.type === 'variant') n = node(variantOption(n, inner) ?? n);
    if (OBJECT_TYPES.has(n.type)) current = n.entries && Object.hasOwn(n.entries, step) ? n.entries[step] : undefined;
    else if (n.type === 'record') current = n.value;
    else if (n.type === 'array') current = n.item;
    else return undefined;
    if (current === undefined) return undefined;
    inner = valueAt(inner, [step]);
  }
  return current;
}

/** The option of a variant that the value's key names, or undefined. */
function variantOption(variant: Node, value: unknown): Node | undefined {
  const key = variant.key!;
  const chosen = shapeOf(value) === 'map' ? (value as Record<string, unknown>)[key] : undefined;
  return (variant.options as Node[]).find((o) => node(o).entries?.[key]?.literal === chosen);
}
