import type { Problem } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import type { NodeBridge, NodeModel, Vlan } from '../core/site.js';
import type { SiteLocator } from './site-locator.js';
import { MAX_VLAN_ITEMS, tooManyVlanItems } from './vlan-set.js';

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Builds a node from its `node` variable: a VLAN interface and a bridge per VLAN (default: every VM VLAN), named
 * `<nic>.<id>` and `bridge<id>` unless the item says otherwise. Returns undefined when the node has no usable
 * trunk NIC (the schema check has already said why).
 */
export function buildNode(
  host: Host,
  platform: string,
  vlans: readonly Vlan[],
  locator: SiteLocator,
  problems: Problem[],
): NodeModel | undefined {
  const raw = host.vars.node;
  if (!isRecord(raw) || typeof raw.trunk_nic !== 'string') {
    if (raw === undefined) {
      const key = locator.firstKey(host, ['platform', 'ansible_network_os']);
      problems.push({
        severity: 'error',
        location: (key ? locator.at(host, key) : undefined) ?? locator.declared(host),
        message: `${host.name} has platform ${platform} but no node variable, so acp-play does not know its trunk NIC`,
        fix: 'add node: {trunk_nic: NIC} (for every node, in group_vars/nodes.yaml)',
      });
    }
    return undefined;
  }
  const nic = raw.trunk_nic;
  if (Array.isArray(raw.vlans) && raw.vlans.length > MAX_VLAN_ITEMS) {
    problems.push({
      severity: 'error',
      location: locator.node(host, ['vlans', MAX_VLAN_ITEMS]),
      ...tooManyVlanItems(`node.vlans of ${host.name}`, raw.vlans.length),
    });
  }
  const items: unknown[] = Array.isArray(raw.vlans)
    ? raw.vlans.slice(0, MAX_VLAN_ITEMS)
    : [...new Set(vlans.filter((v) => v.vm).map((v) => v.id))];
  const bridges: NodeBridge[] = [];
  for (const item of items) {
    const spec: Raw = isRecord(item) ? item : { id: item };
    if (typeof spec.id !== 'number' || !Number.isInteger(spec.id)) continue;
    bridges.push({
      vlan: spec.id,
      interface: typeof spec.interface === 'string' ? spec.interface : `${nic}.${spec.id}`,
      bridge: typeof spec.bridge === 'string' ? spec.bridge : `bridge${spec.id}`,
    });
  }
  const uplink =
    isRecord(raw.uplink) && typeof raw.uplink.switch === 'string' && typeof raw.uplink.port === 'string'
      ? { switch: raw.uplink.switch, port: raw.uplink.port }
      : undefined;
  return {
    name: host.name,
    host,
    platform,
    trunkNic: nic,
    ...(typeof raw.mtu === 'number' ? { mtu: raw.mtu } : {}),
    bridges,
    interfaces: Array.isArray(raw.interfaces) ? raw.interfaces.filter(isRecord) : [],
    ...(uplink ? { uplink } : {}),
  };
}
