import type { Site } from '../core/site.js';

/** A switch port's canonical name on its switch's platform (`Eth1/7` -> `Ethernet1/7` on NX-OS). */
export type CanonicalPort = (switchName: string, port: string) => string;

/** One cable the inventory describes: a switch port and the NIC on its other end. */
export interface ExpectedLink {
  readonly switch: string;
  /** Canonical name. */
  readonly port: string;
  /** The device on the other end: a node of the site, or whatever `faces` names. */
  readonly node: string;
  readonly nic: string;
  /** Where the inventory says so: the port's `faces`, or the node's `uplink` (its trunk NIC). */
  readonly source: 'faces' | 'uplink';
}

/**
 * Every cable the inventory describes: each switch port's `faces`, and each node's `uplink` (its trunk NIC on that
 * port) where no `faces` already names the port. validate has already refused an uplink and a `faces` that disagree.
 */
export function expectedLinks(site: Site, canonical: CanonicalPort): ExpectedLink[] {
  const links: ExpectedLink[] = [];
  const seen = new Set<string>();
  for (const sw of site.switches) {
    for (const port of sw.ports) {
      if (!port.faces) continue;
      const name = canonical(sw.name, port.name);
      seen.add(`${sw.name}\u0000${name}`);
      links.push({ switch: sw.name, port: name, node: port.faces.node, nic: port.faces.nic, source: 'faces' });
    }
  }
  for (const node of site.nodes) {
    if (!node.uplink || !site.switches.some((s) => s.name === node.uplink!.switch)) continue;
    const name = canonical(node.uplink.switch, node.uplink.port);
    if (seen.has(`${node.uplink.switch}\u0000${name}`)) continue;
    links.push({ switch: node.uplink.switch, port: name, node: node.name, nic: node.trunkNic, source: 'uplink' });
  }
  return links;
}

/** The MAC each node NIC is known by (the cluster links' `mac`), keyed `node:nic`. */
export function knownMacs(site: Site): ReadonlyMap<string, string> {
  return new Map((site.cluster?.links ?? []).flatMap((l) => (l.mac ? [[`${l.node}:${l.nic}`, l.mac]] : [])));
}
