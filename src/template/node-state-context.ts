import { ConfigError } from '../core/errors.js';
import { managedInterfaceClash, type InterfaceClash } from '../inventory/node-interfaces.js';
import type { NodeModel, Site } from '../core/site.js';

/** One bridged VLAN as the nmstate template sees it. */
export interface NodeBridgeContext {
  readonly vlan: number;
  /** The site's name for the VLAN (for a comment), or null. */
  readonly vlanName: string | null;
  /** The VLAN interface on the trunk NIC, e.g. `enp4s0f0.2003`. */
  readonly interface: string;
  /** The Linux bridge on it, e.g. `bridge2003`. */
  readonly bridge: string;
  /** nmstate `ipv4` / `ipv6` of the bridge: `{enabled: false}` unless the node gives the bridge an address. */
  readonly ipv4: Readonly<Record<string, unknown>>;
  readonly ipv6: Readonly<Record<string, unknown>>;
}

/** Context of `nmstate/node.yaml.njk`. */
export interface NodeStateContext {
  readonly node: string;
  readonly trunkNic: string;
  /** MTU of the VLAN interfaces, or null to leave it alone. */
  readonly mtu: number | null;
  readonly bridges: readonly NodeBridgeContext[];
  /** The node's extra nmstate interfaces, passed through as written. */
  readonly extraInterfaces: readonly Readonly<Record<string, unknown>>[];
  /**
   * The interfaces acp-play creates and owns (VLAN interfaces and their bridges), so a later prune can tell them
   * from everything else on the node. nmstate has no owner field valid for every interface type, so the list
   * travels here (and in a comment at the top of the rendered file), not inside the interfaces. The extra
   * `interfaces` are not in it: they are often physical NICs, which a prune must never remove.
   */
  readonly managedInterfaces: readonly string[];
}

const DISABLED = Object.freeze({ enabled: false });

/** Builds the nmstate context of one node. A ConfigError if an extra interface collides with a managed one. */
export function buildNodeStateContext(node: NodeModel, site: Site): NodeStateContext {
  const vlanNames = new Map(site.vlans.map((v) => [v.id, v.name]));
  const vlanIfaces = new Set(node.bridges.map((b) => b.interface));
  const bridgeNames = new Set(node.bridges.map((b) => b.bridge));
  const overlays = new Map<string, Readonly<Record<string, unknown>>>();
  const extraInterfaces: Readonly<Record<string, unknown>>[] = [];
  const problems: InterfaceClash[] = [];
  for (const iface of node.interfaces) {
    const name = String(iface['name'] ?? '');
    const clash = managedInterfaceClash(iface, vlanIfaces, bridgeNames);
    if (clash) problems.push(clash);
    else if (bridgeNames.has(name)) overlays.set(name, iface);
    else extraInterfaces.push(iface);
  }
  if (problems.length > 0) {
    // validate-nodes reports these where they were written; this is for a site built without validation.
    const origin = Object.hasOwn(node.host.origins, 'node') ? node.host.origins['node'] : undefined;
    const location = { file: origin?.file ?? node.host.name, line: origin?.line ?? 1, col: origin?.col ?? 1 };
    throw new ConfigError(
      problems.map(({ message, fix }) => ({
        severity: 'error' as const,
        location,
        message: `${node.name}: ${message}`,
        fix,
      })),
    );
  }
  const bridges = [...node.bridges]
    .sort((a, b) => a.vlan - b.vlan)
    .map((b): NodeBridgeContext => {
      const overlay = overlays.get(b.bridge);
      return {
        vlan: b.vlan,
        vlanName: vlanNames.get(b.vlan) ?? null,
        interface: b.interface,
        bridge: b.bridge,
        ipv4: asMap(overlay?.['ipv4']) ?? DISABLED,
        ipv6: asMap(overlay?.['ipv6']) ?? DISABLED,
      };
    });
  return {
    node: node.name,
    trunkNic: node.trunkNic,
    mtu: node.mtu ?? null,
    bridges,
    extraInterfaces,
    managedInterfaces: bridges.flatMap((b) => [b.interface, b.bridge]),
  };
}

function asMap(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
