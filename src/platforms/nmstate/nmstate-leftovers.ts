import { isMarked } from './nmstate-desired.js';
import { isNmstateObject, type NmstateInterface, type NmstateValue } from './nmstate-state.js';

/** Interfaces on a node that the desired state does not name, sorted by whether acp-play can prove it owns them. */
export interface NodeLeftovers {
  /** Carry acp-play's mark: created by acp-play, removed by default. */
  readonly owned: readonly string[];
  /** On the trunk (a VLAN interface on a trunk NIC, or a bridge holding one) without the mark: left alone. */
  readonly unmanaged: readonly string[];
}

/**
 * Sorts what the node has beyond the desired state. Only interfaces that look like acp-play's work are considered:
 * marked ones anywhere, and unmarked VLAN interfaces on the trunk NIC (`bases`) with the bridges they are ports of.
 * The rest of the node (its NICs, management links) is never mentioned.
 */
export function findLeftovers(
  current: readonly NmstateInterface[],
  named: ReadonlySet<string>,
  bases: ReadonlySet<string>,
): NodeLeftovers {
  const extra = current.filter((i) => !named.has(i.name));
  const owned = extra.filter(isMarked).map((i) => i.name);
  const unmanaged = onTrunk(current, bases)
    .filter((i) => !named.has(i.name) && !isMarked(i))
    .map((i) => i.name);
  return { owned, unmanaged };
}

/** VLAN interfaces whose base is one of `bases`, and the bridges that have one of them as a port. */
export function onTrunk(current: readonly NmstateInterface[], bases: ReadonlySet<string>): NmstateInterface[] {
  const vlans = current.filter((i) => {
    const base = baseOf(i);
    return base !== undefined && bases.has(base);
  });
  const names = new Set(vlans.map((i) => i.name));
  const bridges = current.filter((i) => portsOf(i).some((p) => names.has(p)));
  return [...vlans, ...bridges];
}

/** The base interface of a VLAN interface (`vlan.base-iface`). */
export function baseOf(iface: NmstateInterface): string | undefined {
  const vlan = iface['vlan'];
  if (!isNmstateObject(vlan)) return undefined;
  const base = vlan['base-iface'];
  return typeof base === 'string' ? base : undefined;
}

function portsOf(iface: NmstateInterface): string[] {
  const bridge = iface['bridge'];
  if (!isNmstateObject(bridge) || !Array.isArray(bridge['port'])) return [];
  return (bridge['port'] as readonly NmstateValue[]).flatMap((p) =>
    isNmstateObject(p) && typeof p['name'] === 'string' ? [p['name']] : [],
  );
}
