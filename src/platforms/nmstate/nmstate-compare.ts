import { isNmstateObject, type NmstateObject, type NmstateValue } from './nmstate-state.js';

/**
 * Comparison of a desired nmstate value against the current (`show --json`) one. Only what the desired value
 * names is compared, because nmstate preserves every property a desired state leaves out.
 */

/**
 * Values nmstate reports when a desired state names a key the current state omits (older releases leave some
 * out of `show`). Keyed by path inside an interface, without port names.
 */
const IMPLIED_DEFAULTS: ReadonlyMap<string, NmstateValue> = new Map<string, NmstateValue>([
  ['state', 'up'],
  ['vlan.protocol', '802.1q'],
]);

/** Lists whose order carries no meaning in nmstate (port membership). Other scalar lists are ordered. */
const SET_KEYS = new Set(['port', 'ports']);

const NUMERIC = /^-?\d+(\.\d+)?$/;
const MAC = /^([0-9a-f]{2}:){5,19}[0-9a-f]{2}$/i;

type Named = NmstateObject & { readonly name: string };

/** Keys whose values are enums nmstate accepts in any case (`802.1Q`) and reports in lower case. */
const CASE_FREE_KEYS = new Set(['protocol']);

/**
 * True for scalars nmstate treats as equal: `1500` and `"1500"`, MAC addresses in either case, and with
 * `caseFree` any two strings that differ only in case.
 */
export function scalarEquals(desired: NmstateValue, current: NmstateValue | undefined, caseFree = false): boolean {
  if (desired === current) return true;
  if (typeof desired === 'number' && typeof current === 'string')
    return NUMERIC.test(current) && Number(current) === desired;
  if (typeof desired === 'string' && typeof current === 'number')
    return NUMERIC.test(desired) && Number(desired) === current;
  if (typeof desired === 'string' && typeof current === 'string') {
    if (caseFree || (MAC.test(desired) && MAC.test(current))) return desired.toUpperCase() === current.toUpperCase();
  }
  return false;
}

/**
 * Paths where `current` does not match what `desired` names, e.g. `mtu`, `bridge.port[enp4s0f0.2004]`
 * (missing or extra port), `vlan.id`. Empty means in sync.
 */
export function findDifferences(
  desired: NmstateValue | undefined,
  current: NmstateValue | undefined,
  path = '',
): string[] {
  if (desired === undefined) return [];
  if (isNmstateObject(desired)) {
    if (current !== undefined && current !== null && !isNmstateObject(current)) return [path];
    const cur = isNmstateObject(current) ? current : {};
    return Object.keys(desired).flatMap((key) => findDifferences(desired[key], cur[key], join(path, key)));
  }
  if (Array.isArray(desired)) return listDifferences(desired as readonly NmstateValue[], current, path);
  const caseFree = CASE_FREE_KEYS.has(path.split('.').pop() ?? '');
  if (current === undefined) {
    const implied = IMPLIED_DEFAULTS.get(path.replace(/\[[^\]]*\]/g, ''));
    if (desired === null) return [];
    return implied !== undefined && scalarEquals(desired as NmstateValue, implied, caseFree) ? [] : [path];
  }
  return scalarEquals(desired as NmstateValue, current, caseFree) ? [] : [path];
}

function listDifferences(desired: readonly NmstateValue[], current: NmstateValue | undefined, path: string): string[] {
  if (current === undefined || current === null) return desired.length === 0 ? [] : [path];
  if (!Array.isArray(current)) return [path];
  const cur = current as readonly NmstateValue[];
  if (isNamedList(desired)) {
    const byName = new Map(cur.filter(isNamed).map((item) => [item.name, item]));
    const wanted = new Set(desired.map((item) => item.name));
    const extra = [...byName.keys()].filter((name) => !wanted.has(name)).map((name) => `${path}[${name}]`);
    const named = desired.flatMap((item) => {
      const match = byName.get(item.name);
      return match ? findDifferences(item, match, `${path}[${item.name}]`) : [`${path}[${item.name}]`];
    });
    return [...named, ...extra];
  }
  if (cur.length !== desired.length) return [path];
  const ordered = !desired.some(isNmstateObject) && !SET_KEYS.has(path.split('.').pop() ?? '');
  if (ordered) return desired.every((item, i) => findDifferences(item, cur[i]).length === 0) ? [] : [path];
  // Unordered: every desired item must match a distinct current item.
  const unused = [...cur];
  for (const item of desired) {
    const at = unused.findIndex((candidate) => findDifferences(item, candidate).length === 0);
    if (at < 0) return [path];
    unused.splice(at, 1);
  }
  return [];
}

/** The current value cut down to the keys `desired` names (for a before/after diff). */
export function projectOnto(
  desired: NmstateValue | undefined,
  current: NmstateValue | undefined,
): NmstateValue | undefined {
  if (current === undefined || desired === undefined) return current;
  if (isNmstateObject(desired) && isNmstateObject(current)) {
    const out: Record<string, NmstateValue> = {};
    for (const key of Object.keys(desired)) {
      const value = projectOnto(desired[key], current[key]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(current) && isNamedList(desired as readonly NmstateValue[])) {
    const wanted = new Map((desired as readonly Named[]).map((item) => [item.name, item]));
    return (current as readonly NmstateValue[]).map((item) =>
      isNamed(item) ? (projectOnto(wanted.get(item.name) ?? { name: item.name }, item) as NmstateValue) : item,
    );
  }
  return current;
}

function isNamed(value: NmstateValue | undefined): value is Named {
  return isNmstateObject(value) && typeof value['name'] === 'string';
}

function isNamedList(list: readonly NmstateValue[]): list is readonly Named[] {
  return list.length > 0 && list.every(isNamed);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
