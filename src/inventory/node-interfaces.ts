/**
 * The rule for a node's extra nmstate interfaces (`node.interfaces`) that name an interface acp-play creates: a
 * VLAN interface may not be named at all; a bridge may be named only to give it addresses.
 */

/** Keys an extra interface that names one of acp-play's bridges may set: its addresses, nothing else. */
export const BRIDGE_OVERLAY_KEYS: ReadonlySet<string> = new Set(['name', 'type', 'state', 'ipv4', 'ipv6']);

/** What is wrong with an extra interface, and how to fix it. */
export interface InterfaceClash {
  readonly message: string;
  readonly fix: string;
}

/**
 * What is wrong with `iface` (an item of node.interfaces) given the node's VLAN interfaces and bridges, or
 * undefined when it may stay.
 */
export function managedInterfaceClash(
  iface: Readonly<Record<string, unknown>>,
  vlanInterfaces: ReadonlySet<string>,
  bridges: ReadonlySet<string>,
): InterfaceClash | undefined {
  const name = String(iface['name'] ?? '');
  if (vlanInterfaces.has(name)) {
    return {
      message: `"${name}" in node.interfaces is a VLAN interface acp-play creates from node.vlans`,
      fix: 'remove it from node.interfaces',
    };
  }
  if (!bridges.has(name)) return undefined;
  const extra = Object.keys(iface).filter((k) => !BRIDGE_OVERLAY_KEYS.has(k));
  if (extra.length > 0 || (iface['type'] !== undefined && iface['type'] !== 'linux-bridge')) {
    return {
      message: `"${name}" in node.interfaces is a bridge acp-play creates, and it sets ${extra.join(', ') || 'type'}`,
      fix: 'node.interfaces may only give an acp-play bridge its ipv4/ipv6 addresses',
    };
  }
  return undefined;
}
