import { isNmstateObject, type NmstateInterface } from '../platforms/nmstate/nmstate-state.js';
import type { GatheredNode } from './gather-devices.js';

/** One VLAN a node bridges: the VLAN interface on its trunk NIC and the bridge over it. */
export interface BridgedVlan {
  readonly id: number;
  readonly base: string;
  readonly interface: string;
  readonly bridge: string;
}

/** What a node's nmstate state says in the site's terms, and what it cannot say. */
export interface NodeBridges {
  readonly node: string;
  /** The NIC most of its bridged VLANs ride on; absent when it bridges none. */
  readonly trunkNic?: string;
  /** The bridged VLANs on the trunk NIC, by id. */
  readonly vlans: readonly BridgedVlan[];
  readonly notExpressed: readonly string[];
}

function vlanOf(iface: NmstateInterface): { base: string; id: number } | undefined {
  const v = iface['vlan'];
  if (iface.type !== 'vlan' || !isNmstateObject(v)) return undefined;
  const base = v['base-iface'];
  const id = v['id'];
  return typeof base === 'string' && typeof id === 'number' ? { base, id } : undefined;
}

function bridgePorts(iface: NmstateInterface): string[] {
  const b = iface['bridge'];
  const ports = isNmstateObject(b) ? b['port'] : undefined;
  if (!Array.isArray(ports)) return [];
  return ports.flatMap((p: unknown) => (isNmstateObject(p) && typeof p['name'] === 'string' ? [p['name']] : []));
}

function stpOn(iface: NmstateInterface): boolean {
  const b = iface['bridge'];
  const options = isNmstateObject(b) ? b['options'] : undefined;
  const stp = isNmstateObject(options) ? options['stp'] : undefined;
  return isNmstateObject(stp) && stp['enabled'] === true;
}

/**
 * Reads a node's VLAN bridges: a Linux bridge whose one port is a VLAN interface is a bridged VLAN (the shape acp-play
 * makes). The trunk NIC is the base most of them share. Anything else on the VLAN path (a VLAN interface without a
 * bridge, a bridge with other ports, VLANs on a second NIC, STP on) is listed, not dropped.
 */
export function describeNodeBridges(node: GatheredNode): NodeBridges {
  const name = node.host.name;
  const ifaces = node.state.interfaces.filter((i) => i.state !== 'absent');
  const vlanIfaces = new Map(ifaces.flatMap((i) => (vlanOf(i) ? [[i.name, { iface: i, ...vlanOf(i)! }]] : [])));
  const notExpressed: string[] = [];
  const bridged: BridgedVlan[] = [];
  const inBridge = new Set<string>();
  for (const br of ifaces.filter((i) => i.type === 'linux-bridge')) {
    const ports = bridgePorts(br);
    const vlan = ports.length === 1 ? vlanIfaces.get(ports[0]!) : undefined;
    ports.forEach((p) => inBridge.add(p));
    if (!vlan) {
      if (ports.some((p) => vlanIfaces.has(p)))
        notExpressed.push(`${name}: bridge ${br.name} has ports ${ports.join(', ')}: a site bridge has one VLAN port`);
      continue;
    }
    if (stpOn(br)) notExpressed.push(`${name}: bridge ${br.name} has STP on; the site's bridges have it off`);
    bridged.push({ id: vlan.id, base: vlan.base, interface: vlan.iface.name, bridge: br.name });
  }
  for (const [ifname, v] of vlanIfaces)
    if (!inBridge.has(ifname))
      notExpressed.push(`${name}: VLAN interface ${ifname} (VLAN ${v.id} on ${v.base}) is in no bridge`);
  const counts = new Map<string, number>();
  for (const b of bridged) counts.set(b.base, (counts.get(b.base) ?? 0) + 1);
  const trunkNic = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  for (const b of bridged.filter((x) => x.base !== trunkNic))
    notExpressed.push(`${name}: bridge ${b.bridge} (VLAN ${b.id}) rides on ${b.base}, not the trunk NIC ${trunkNic}`);
  const vlans = bridged.filter((b) => b.base === trunkNic).sort((a, b) => a.id - b.id);
  return { node: name, ...(trunkNic !== undefined ? { trunkNic } : {}), vlans, notExpressed };
}
