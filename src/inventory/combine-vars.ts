import type { ValueOrigin } from '../core/inventory.js';

/** acp-play's structured keys: merged key by key across levels instead of replaced whole. */
export const DEEP_MERGED_KEYS: ReadonlySet<string> = new Set(['site', 'node', 'switch']);

/** One variable as set at one place: its value and where it was written. */
export interface VarEntry {
  readonly value: unknown;
  readonly origin: ValueOrigin;
}

/** Variables of one level (a group's inline vars, a host_vars file...), in the order they were set. */
export type VarLayer = Map<string, VarEntry>;

/** A plain data map (not an array, a Date or a VaultValue). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Maps merged recursively (right wins); lists and scalars replaced. Keys are own data properties only, so a user's
 * `__proto__` or `constructor` key is merged like any other and never reaches a prototype.
 */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const merged = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(over)) {
    merged.set(key, merged.has(key) ? deepMerge(merged.get(key), value) : value);
  }
  return Object.fromEntries(merged);
}

/**
 * Sets `key` in `layer` with Ansible's replace semantics, except the deep-merged keys, whose maps are merged
 * and whose origin remembers the lower levels that contributed.
 */
export function combineVar(layer: VarLayer, key: string, value: unknown, origin: ValueOrigin): void {
  const previous = layer.get(key);
  if (previous && DEEP_MERGED_KEYS.has(key) && isPlainObject(previous.value) && isPlainObject(value)) {
    const { mergedFrom = [], ...lower } = previous.origin;
    layer.set(key, {
      value: deepMerge(previous.value, value),
      origin: { ...origin, mergedFrom: [...(origin.mergedFrom ?? []), lower, ...mergedFrom] },
    });
    return;
  }
  // Re-insert so the layer's order is the order the winning values were set.
  layer.delete(key);
  layer.set(key, { value, origin });
}

/** Applies every entry of `over` on top of `layer`. */
export function combineLayer(layer: VarLayer, over: VarLayer): void {
  for (const [key, entry] of over) combineVar(layer, key, entry.value, entry.origin);
}

/** Freezes a value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  // A typed array (YAML's !!binary) cannot be frozen; it is left as it is.
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}
