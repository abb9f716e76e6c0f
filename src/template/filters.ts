import YAML from 'yaml';
import { chunkVlanSet, compressRanges, parseVlanSet } from '../inventory/vlan-set.js';
import { unwrapStrict } from './strict-context.js';

/**
 * The filters every template can use. They are plain functions (tested on their own) registered on the one
 * Environment by `registerFilters`.
 *
 * YAML emission rule for templates: never write `"{{ s }}"`. Write `key: {{ s | to_yaml }}` for a scalar or a
 * small collection on one line, or a block indented N spaces with `{{ v | to_yaml(N) }}` (see toYaml).
 */

/** Ids to range text: [2003,2004,2005,2010] -> "2003-2005,2010" (or with `separator`, e.g. " " for ifupdown2). */
export function vlanCompress(ids: Iterable<number>, separator = ','): string {
  return compressRanges(toIds(ids)).join(separator);
}

/** Range text (or a list) to sorted unique ids: "2003-2005,2010" -> [2003,2004,2005,2010]. */
export function vlanExpand(text: string | number | readonly (string | number)[]): number[] {
  return parseVlanSet(unwrapStrict(text) as string | number | readonly (string | number)[]);
}

/**
 * Ids to range lists of at most `maxChars` characters: the first goes on `switchport trunk allowed vlan LIST`,
 * the others on `switchport trunk allowed vlan add LIST`.
 */
export function vlanChunks(ids: Iterable<number>, maxChars = 220): string[] {
  return chunkVlanSet(toIds(ids), maxChars);
}

// YAML 1.1 quoting so `yes`, `on`, `0123` stay strings for 1.1 readers too (kubectl, go-yaml v2).
const YAML_OPTIONS = { version: '1.1', lineWidth: 0, minContentWidth: 0 } as const;

/**
 * A value as YAML text.
 * - No `indent`: one line, safe after `key: ` or `- ` (plain or quoted scalar; JSON flow for collections).
 * - `indent` N: block style, every line after the first indented N spaces. Put a collection on its own line at
 *   column N (`    {{ v | to_yaml(4) }}`, or after `- ` ending at column N). A multi-line string becomes a `|-`
 *   block after `key: `, with N deeper than the key (`  config: {{ s | to_yaml(4) }}`).
 */
export function toYaml(value: unknown, indent?: number): string {
  const data = defined(unwrapStrict(value), 'to_yaml');
  // Hosts share most of their values (a fleet's nodes bridge the same VLANs): each distinct value is stringified
  // once. The key spells out every type, so only an identical value can hit.
  const key = memoKey(data, 0);
  if (key === undefined) return stringifyYaml(data, indent);
  const memoized = `${indent ?? '-'}|${key}`;
  let text = yamlMemo.get(memoized);
  if (text === undefined) {
    text = stringifyYaml(data, indent);
    if (yamlMemo.size >= MEMO_ENTRIES) yamlMemo.clear();
    yamlMemo.set(memoized, text);
  }
  return text;
}

const MEMO_ENTRIES = 10_000;
const yamlMemo = new Map<string, string>();

/**
 * A text that is equal for two values only when they are equal as data (plain objects, arrays, strings, numbers
 * with -0 and NaN told apart, booleans, null); undefined for anything else (a Date, a VaultValue, a deep value),
 * which is then not memoized.
 */
function memoKey(value: unknown, depth: number): string | undefined {
  // A frozen object cannot change, so its key is computed once (parsed states are frozen and shared by hosts).
  if (value !== null && typeof value === 'object' && Object.isFrozen(value)) {
    if (frozenKeys.has(value)) return frozenKeys.get(value);
    const key = memoKeyOf(value, depth);
    frozenKeys.set(value, key);
    return key;
  }
  return memoKeyOf(value, depth);
}

const frozenKeys = new WeakMap<object, string | undefined>();

function memoKeyOf(value: unknown, depth: number): string | undefined {
  if (value === null) return 'n';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return `d${Object.is(value, -0) ? '-0' : String(value)}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'object': {
      if (depth > 32) return undefined;
      const parts: string[] = [];
      if (Array.isArray(value)) {
        for (const item of value) {
          const key = memoKey(item, depth + 1);
          if (key === undefined) return undefined;
          parts.push(key);
        }
        return `[${parts.join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return undefined;
      for (const [k, v] of Object.entries(value)) {
        const key = memoKey(v, depth + 1);
        if (key === undefined) return undefined;
        parts.push(`${JSON.stringify(k)}:${key}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return undefined;
  }
}

function stringifyYaml(data: unknown, indent: number | undefined): string {
  if (indent === undefined) return oneLine(data);
  const text = YAML.stringify(data, YAML_OPTIONS).replace(/\n$/, '');
  // A block scalar with an indentation indicator (leading spaces) would be mis-indented once shifted.
  if (/^[|>]\d/.test(text)) return oneLine(data);
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/** A value as JSON text (`indent` spaces per level when given). */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(defined(unwrapStrict(value), 'to_json'), null, indent);
}

// Names such as `fleet0042-vlan-bridges` are written as they are by YAML 1.1 too; they skip the YAML library (a fleet
// has thousands of them). What YAML 1.1 reads as a boolean, null or float (`yes`, `Off`, `e5`) is left to it.
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_./-]*$/;
const YAML11_WORDS = /^(?:y|n|yes|no|true|false|on|off|null|[eE][-+]?[0-9].*)$/i;

/** True when YAML (1.1 and 1.2) writes `text` unquoted, as it is (a property test holds it to the YAML library). */
export function isPlainName(text: string): boolean {
  return text.length <= 1024 && PLAIN_NAME.test(text) && !YAML11_WORDS.test(text);
}

function oneLine(data: unknown): string {
  if (typeof data === 'string' && isPlainName(data)) return data;
  if (data !== null && typeof data === 'object') return JSON.stringify(data);
  const text = YAML.stringify(data, { ...YAML_OPTIONS, blockQuote: false }).replace(/\n$/, '');
  return text.includes('\n') ? JSON.stringify(data) : text;
}

function defined(value: unknown, filter: string): unknown {
  if (value === undefined) throw new Error(`${filter}: the value is undefined`);
  return value;
}

function toIds(ids: Iterable<number>): number[] {
  const list = [...(unwrapStrict(ids) as Iterable<unknown>)];
  for (const id of list) {
    if (typeof id !== 'number' || !Number.isInteger(id))
      throw new Error(`expected VLAN ids, got ${JSON.stringify(id)}`);
  }
  return list as number[];
}

/** The filter table, by the names templates use. */
export const templateFilters = {
  vlan_compress: vlanCompress,
  vlan_expand: vlanExpand,
  vlan_chunks: vlanChunks,
  to_yaml: toYaml,
  to_json: toJson,
} as const;

/** Registers every filter on an Environment. */
export function registerFilters(env: { addFilter(name: string, fn: (...args: never[]) => unknown): unknown }): void {
  for (const [name, fn] of Object.entries(templateFilters)) env.addFilter(name, fn as (...args: never[]) => unknown);
}
