import { bridgeDefaults, bridgePortDefaults, genericDefaults, vlanDefaults } from './nmstate-sim-defaults.js';
import { simMac, type SimIface, type SimValue } from './nmstate-sim-state.js';

/** The result of applying a desired state to the simulated interfaces. */
export type SimApplyResult =
  | { readonly ok: true; readonly interfaces: SimIface[]; readonly changed: string[]; readonly log: string[] }
  /**
   * `stage` 'validate': refused before a checkpoint is taken (nmstate's pre-apply validation);
   * 'activate': failed under the checkpoint, which nmstate then rolls back.
   */
  | { readonly ok: false; readonly stage: 'validate' | 'activate'; readonly error: string; readonly log: string[] };

type Obj = { [key: string]: SimValue };

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Desired keys override current ones; maps merge key by key; lists and scalars replace. */
function merge(current: SimValue | undefined, desired: SimValue): SimValue {
  if (isObj(current) && isObj(desired)) {
    const out: Obj = { ...current };
    for (const [k, v] of Object.entries(desired)) if (v !== undefined && v !== null) out[k] = merge(current[k], v);
    return out;
  }
  return clone(desired);
}

/**
 * A desired bridge port list in `show` form: each port gets the kernel's STP defaults; an empty `vlan: {}` is not
 * shown.
 */
function showPorts(ports: SimValue, current: SimValue | undefined): SimValue {
  if (!Array.isArray(ports)) return ports;
  const had = new Map((Array.isArray(current) ? current : []).filter(isObj).map((p) => [String(p['name']), p]));
  return ports.filter(isObj).map((p) => {
    const name = String(p['name']);
    const base = had.get(name) ?? bridgePortDefaults(name);
    const { vlan, ...rest } = p;
    const merged = merge(base as Obj, rest) as Obj;
    if (isObj(vlan) && Object.keys(vlan).length > 0) merged['vlan'] = clone(vlan);
    return merged;
  });
}

function newIface(name: string, type: string, node: string): SimIface {
  const mac = simMac(node, name);
  if (type === 'vlan') return vlanDefaults(name, mac);
  if (type === 'linux-bridge') return bridgeDefaults(name, mac);
  return genericDefaults(name, type, mac);
}

function portNames(iface: SimIface): string[] {
  const bridge = iface['bridge'];
  const ports = isObj(bridge) ? bridge['port'] : undefined;
  return Array.isArray(ports) ? ports.filter(isObj).map((p) => String(p['name'])) : [];
}

function baseOf(iface: SimIface): string | undefined {
  const vlan = iface['vlan'];
  return isObj(vlan) && typeof vlan['base-iface'] === 'string' ? vlan['base-iface'] : undefined;
}

/**
 * Applies a desired nmstate document to the node's interfaces, as nmstate 2.2 would for the interface types the
 * lab uses: named keys override, unnamed ones are preserved, `state: absent` removes (and takes the VLANs on a
 * removed parent with it), `ignore` skips. A bridge port that does not exist is refused before any change
 * ('validate'); a VLAN whose base interface does not exist fails under the checkpoint ('activate').
 */
export function applyDesired(current: readonly SimIface[], desired: unknown, node: string): SimApplyResult {
  const log: string[] = [];
  const fail = (stage: 'validate' | 'activate', kind: string, message: string): SimApplyResult => ({
    ok: false,
    stage,
    error: `NmstateError: ${kind}: ${message}`,
    log,
  });
  if (!isObj(desired))
    return fail('validate', 'InvalidArgument', 'Invalid YAML string: the desired state must be a mapping');
  const wanted = desired['interfaces'] ?? [];
  if (!Array.isArray(wanted))
    return fail('validate', 'InvalidArgument', 'Invalid YAML string: interfaces: invalid type: expected a sequence');
  const byName = new Map(current.map((i) => [i.name, clone(i)]));
  const desiredUp = new Set<string>();
  const removed = new Set<string>();
  for (const raw of wanted) {
    if (!isObj(raw) || typeof raw['name'] !== 'string' || raw['name'] === '')
      return fail('validate', 'InvalidArgument', 'Invalid YAML string: interfaces: missing field `name`');
    const name = raw['name'];
    const state = typeof raw['state'] === 'string' ? raw['state'] : 'up';
    if (state === 'ignore') continue;
    if (state === 'absent') {
      if (byName.delete(name)) removed.add(name);
      continue;
    }
    const have = byName.get(name);
    const type = typeof raw['type'] === 'string' ? raw['type'] : have?.type;
    if (!type || type === 'unknown')
      return fail('validate', 'InvalidArgument', `Failed to find unknown type interface ${name} in current state`);
    const start: SimIface = have && have.type === type ? have : newIface(name, type, node);
    const { name: _n, ...props } = raw;
    const merged = merge(start as unknown as Obj, props as Obj) as unknown as SimIface;
    if (isObj(raw['bridge']) && raw['bridge']['port'] !== undefined) {
      (merged['bridge'] as Obj)['port'] = showPorts(
        raw['bridge']['port'],
        isObj(start['bridge']) ? start['bridge']['port'] : undefined,
      );
    }
    if (merged['description'] === '') delete merged['description'];
    merged.name = name;
    byName.set(name, merged);
    if (state === 'up') desiredUp.add(name);
  }
  // Interfaces on a removed parent go with it, unless the desired state wants them up.
  for (const [name, iface] of byName) {
    const base = baseOf(iface);
    if (base && removed.has(base)) {
      if (desiredUp.has(name))
        return fail(
          'validate',
          'InvalidArgument',
          `Interface ${name} cannot be in up state as its parent ${base} has been marked as absent`,
        );
      log.push(`Marking interface ${name} as absent as its parent ${base} is so`);
      byName.delete(name);
      removed.add(name);
    }
  }
  for (const iface of byName.values()) {
    if (iface.type !== 'linux-bridge') continue;
    const ports = portNames(iface);
    if (removed.size > 0 && !desiredUp.has(iface.name)) {
      const bridge = iface['bridge'] as Obj;
      bridge['port'] = (bridge['port'] as SimValue[]).filter((p) => !(isObj(p) && removed.has(String(p['name']))));
    }
    for (const port of ports) {
      if (!byName.has(port) && desiredUp.has(iface.name))
        return fail(
          'validate',
          'InvalidArgument',
          `Controller interface ${iface.name} is holding unknown port ${port}`,
        );
    }
  }
  for (const name of desiredUp) {
    const iface = byName.get(name)!;
    const base = baseOf(iface);
    if (iface.type === 'vlan' && (!base || typeof (iface['vlan'] as Obj)['id'] !== 'number')) {
      return fail('validate', 'InvalidArgument', `VLAN interface ${name} needs vlan.base-iface and vlan.id`);
    }
    if (base && !byName.has(base)) {
      return fail(
        'activate',
        'PluginFailure',
        `Failed to activate ${name} (vlan): its parent interface ${base} does not exist`,
      );
    }
  }
  linkControllers(byName);
  const after = [...byName.values()];
  const before = new Map(current.map((i) => [i.name, JSON.stringify(i)]));
  const changed = after.filter((i) => before.get(i.name) !== JSON.stringify(i)).map((i) => i.name);
  return {
    ok: true,
    interfaces: after,
    changed: [...changed, ...[...removed].filter((n) => before.has(n))].sort(),
    log,
  };
}

/**
 * Sets `controller` on every bridge port and the MACs the kernel derives (VLAN: its parent's; bridge: its first
 * port's).
 */
function linkControllers(byName: Map<string, SimIface>): void {
  const controllerOf = new Map<string, string>();
  for (const iface of byName.values())
    if (iface.type === 'linux-bridge') for (const p of portNames(iface)) controllerOf.set(p, iface.name);
  for (const iface of byName.values()) {
    const ctrl = controllerOf.get(iface.name);
    if (ctrl) iface['controller'] = ctrl;
    else delete iface['controller'];
    const base = baseOf(iface);
    const parent = base ? byName.get(base) : undefined;
    if (iface.type === 'vlan' && parent) iface['mac-address'] = parent['mac-address'];
  }
  for (const iface of byName.values()) {
    const first = portNames(iface)[0];
    const port = first ? byName.get(first) : undefined;
    if (iface.type === 'linux-bridge' && port) iface['mac-address'] = port['mac-address'];
  }
}
