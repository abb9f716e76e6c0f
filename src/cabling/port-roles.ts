import type { Site, SwitchModel, SwitchPort } from '../core/site.js';
import type { CanonicalPort } from './expected-links.js';

/**
 * What a switch port is for, derived from the site (docs/day0.md):
 * - `cluster-link`: it faces a node's cluster-link NIC (`site.cluster`): the install runs over it;
 * - `out-of-band`: it faces a node's management controller (a NIC named bmc, idrac, ilo, ipmi, imm, xcc or oob);
 * - `infrastructure`: it faces no node (uplinks to the firewall or another switch, and ports whose far end the
 *   inventory does not name);
 * - `vm-trunk`: it faces a node's trunk NIC, or is a node's `uplink`;
 * - `node-link`: it faces another NIC of a node (the storage links), which nmstate configures after the install.
 */
export type PortRole = 'cluster-link' | 'out-of-band' | 'infrastructure' | 'vm-trunk' | 'node-link';

/** Which ports a `switch_ports` task configures: its `ports` argument. */
export type PortStage = 'day0' | 'day1' | 'all';

const MANAGEMENT_NIC = /^(?:bmc|idrac|ilo|ipmi|imm|xcc|oob)\d*$/i;

/** The port's role on switch `sw` of `site`. */
export function portRole(site: Site, sw: SwitchModel, port: SwitchPort, canonical: CanonicalPort): PortRole {
  const name = canonical(sw.name, port.name);
  const uplinkOf = site.nodes.find((n) => n.uplink?.switch === sw.name && canonical(sw.name, n.uplink.port) === name);
  if (uplinkOf) return 'vm-trunk';
  const faces = port.faces;
  const node = faces && site.nodes.find((n) => n.name === faces.node);
  if (!faces || !node) return 'infrastructure';
  if (faces.nic === node.trunkNic) return 'vm-trunk';
  if (site.cluster?.links.some((l) => l.node === node.name && l.nic === faces.nic)) return 'cluster-link';
  if (MANAGEMENT_NIC.test(faces.nic)) return 'out-of-band';
  return 'node-link';
}

/** Day 0: what must be up before the nodes boot the installer; day 1: what the VMs and storage use afterwards. */
export function isDay0(role: PortRole): boolean {
  return role === 'cluster-link' || role === 'out-of-band' || role === 'infrastructure';
}

/** The ports of `sw` a task with `stage` configures, in inventory order. */
export function portsOfStage(site: Site, sw: SwitchModel, stage: PortStage, canonical: CanonicalPort): SwitchPort[] {
  if (stage === 'all') return [...sw.ports];
  return sw.ports.filter((p) => isDay0(portRole(site, sw, p, canonical)) === (stage === 'day0'));
}
