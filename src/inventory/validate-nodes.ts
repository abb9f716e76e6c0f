import type { Problem } from '../core/errors.js';
import { suggest } from '../core/did-you-mean.js';
import { managedInterfaceClash } from './node-interfaces.js';
import { checkInterfaceName } from './safe-names.js';
import type { SiteLocator } from './site-locator.js';
import type { NodeModel, Site, SwitchModel, SwitchPort } from '../core/site.js';
import { formatVlanSet } from './vlan-set.js';

type Location = ReturnType<SiteLocator['at']>;

/** Per-node checks: names, MTU, VLANs known to the site, then the uplink against its switch port. */
export function validateNodes(site: Site, locator: SiteLocator): Problem[] {
  const problems: Problem[] = [];
  const error = (location: Location, message: string, fix: string) =>
    problems.push({ severity: 'error', location, message, fix });
  const uplinkOwner = new Map<string, string>();
  const index = indexSite(site);
  for (const node of site.nodes) {
    const bad = checkInterfaceName(node.trunkNic);
    if (bad)
      error(
        locator.node(node.host, ['trunk_nic']),
        `trunk_nic ${JSON.stringify(node.trunkNic)} of ${node.name} is not a safe interface name`,
        bad,
      );
    if (node.mtu !== undefined && (node.mtu < 68 || node.mtu > 9216)) {
      error(
        locator.node(node.host, ['mtu']),
        `mtu ${node.mtu} of ${node.name} is outside 68-9216`,
        'use 1500, or up to 9216 for jumbo frames',
      );
    }
    const names = new Map<string, string>([[node.trunkNic, 'the trunk NIC']]);
    // Locations are looked up only for an error: finding a place in the files costs more than the checks.
    const claim = (name: string, what: string, location: () => Location) => {
      const other = names.get(name);
      if (other)
        error(
          location(),
          `${node.name} uses the name ${name} for both ${other} and ${what}`,
          'give every interface and bridge of a node its own name',
        );
      else names.set(name, what);
    };
    for (const b of node.bridges) {
      if (!index.vlanIds.has(b.vlan)) {
        error(
          locator.nodeVlan(node.host, b.vlan),
          `${node.name} bridges VLAN ${b.vlan}, which is not in site.vlans`,
          `add VLAN ${b.vlan} to site.vlans, or remove it from node.vlans`,
        );
      }
      for (const field of ['interface', 'bridge'] as const) {
        const where = () => locator.nodeVlan(node.host, b.vlan, field);
        const badName = checkInterfaceName(b[field]);
        if (badName)
          error(
            where(),
            `${field} name ${JSON.stringify(b[field])} for VLAN ${b.vlan} on ${node.name} is not a safe interface name`,
            badName,
          );
        claim(b[field], `the ${field} of VLAN ${b.vlan}`, where);
      }
    }
    const vlanInterfaces = new Set(node.bridges.map((b) => b.interface));
    const bridges = new Set(node.bridges.map((b) => b.bridge));
    node.interfaces.forEach((item, i) => {
      if (typeof item.name !== 'string') return;
      const badName = checkInterfaceName(item.name);
      if (badName)
        error(
          locator.node(node.host, ['interfaces', i, 'name']),
          `interface name ${JSON.stringify(item.name)} in node.interfaces of ${node.name} is not a safe interface name`,
          badName,
        );
      const clash = managedInterfaceClash(item, vlanInterfaces, bridges);
      if (clash) error(locator.node(node.host, ['interfaces', i]), `${node.name}: ${clash.message}`, clash.fix);
    });
    if (node.uplink) problems.push(...validateUplink(node, index, locator, uplinkOwner));
  }
  return problems;
}

/** Lookups by name, made once per site: the checks run per node, and a fleet has thousands. */
interface SiteIndex {
  readonly site: Site;
  readonly vlanIds: ReadonlySet<number>;
  readonly switches: ReadonlyMap<string, SwitchModel>;
  readonly ports: ReadonlyMap<SwitchModel, ReadonlyMap<string, SwitchPort>>;
  readonly otherHosts: ReadonlySet<string>;
}

function indexSite(site: Site): SiteIndex {
  const switches = new Map<string, SwitchModel>();
  const ports = new Map<SwitchModel, Map<string, SwitchPort>>();
  for (const sw of site.switches) {
    if (!switches.has(sw.name)) switches.set(sw.name, sw);
    ports.set(sw, new Map(sw.ports.map((p) => [p.name, p])));
  }
  const otherHosts = new Set([...site.others.map((h) => h.name), ...site.nodes.map((n) => n.name)]);
  return { site, vlanIds: new Set(site.vlans.map((v) => v.id)), switches, ports, otherHosts };
}

function validateUplink(
  node: NodeModel,
  index: SiteIndex,
  locator: SiteLocator,
  owner: Map<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  const error = (location: Location, message: string, fix: string) =>
    problems.push({ severity: 'error', location, message, fix });
  const { site } = index;
  const uplink = node.uplink!;
  const sw = index.switches.get(uplink.switch);
  if (!sw) {
    const isOther = index.otherHosts.has(uplink.switch);
    const hint = suggest(
      uplink.switch,
      site.switches.map((s) => s.name),
    );
    error(
      locator.node(node.host, ['uplink', 'switch']),
      isOther
        ? `uplink of ${node.name} names ${uplink.switch}, which is not a switch (no switch variable or switch platform)`
        : `uplink of ${node.name} names the switch ${uplink.switch}, which is not in the inventory`,
      hint
        ? `did you mean ${hint}?`
        : `use one of the inventory's switches: ${site.switches.map((s) => s.name).join(', ') || '(none)'}`,
    );
    return problems;
  }
  const port = index.ports.get(sw)?.get(uplink.port);
  const member = sw.members?.find((m) => m.name === uplink.port);
  if (!port && member) {
    error(
      locator.node(node.host, ['uplink', 'port']),
      `uplink of ${node.name} names ${sw.name} ${uplink.port}, a member of channel-group ${member.channelGroup}; a node's trunk on a port-channel (a bond on the node) is not supported yet`,
      `cable ${node.name}'s trunk NIC to a port of its own, or leave uplink out and describe the cabling with faces on the member`,
    );
    return problems;
  }
  if (!port) {
    const hint = suggest(
      uplink.port,
      sw.ports.map((p) => p.name),
    );
    error(
      locator.node(node.host, ['uplink', 'port']),
      `uplink of ${node.name} names ${sw.name} ${uplink.port}, which is not in switch.ports of ${sw.name}`,
      `${hint ? `did you mean ${hint}? or ` : ''}add ${uplink.port} under switch.ports of ${sw.name}`,
    );
    return problems;
  }
  const key = `${sw.name} ${port.name}`;
  const first = owner.get(key);
  if (first) {
    error(
      locator.node(node.host, ['uplink', 'port']),
      `${key} is already the uplink of ${first}; a switch port has one cable`,
      `correct the uplink port of ${node.name} or ${first}`,
    );
    return problems;
  }
  owner.set(key, node.name);
  const at = (field?: string) => locator.port(sw.host, port.name, field);
  const bridged = node.bridges.map((b) => b.vlan);
  if (port.faces && (port.faces.node !== node.name || port.faces.nic !== node.trunkNic)) {
    error(
      at('faces'),
      `${key} faces ${port.faces.node}:${port.faces.nic}, but ${node.name}'s trunk NIC ${node.trunkNic} has it as its uplink`,
      `make faces ${node.name}:${node.trunkNic}, or correct the uplink of ${node.name}`,
    );
  }
  if (port.mode !== 'trunk') {
    error(
      at('mode'),
      `${key} is an access port, but it is the uplink of ${node.name}, which bridges tagged VLANs ${formatVlanSet(bridged)} on ${node.trunkNic}`,
      `set mode: trunk and allowed_vlans: ${formatVlanSet(bridged) || 'VLANS'} on ${key}`,
    );
    return problems;
  }
  if (!port.allowedVlans) return problems;
  const allowed = new Set(port.allowedVlans);
  const notAllowed = bridged.filter((id) => !allowed.has(id));
  if (notAllowed.length > 0) {
    error(
      at('allowed_vlans'),
      `${key} does not allow VLAN${notAllowed.length > 1 ? 's' : ''} ${formatVlanSet(notAllowed)}, which ${node.name} bridges on ${node.trunkNic}`,
      `add ${formatVlanSet(notAllowed)} to allowed_vlans of ${key}, or stop bridging it on ${node.name}`,
    );
  }
  const isBridged = new Set(bridged);
  const unused = port.allowedVlans.filter((id) => !isBridged.has(id) && id !== port.nativeVlan);
  if (unused.length > 0) {
    problems.push({
      severity: 'warning',
      location: at('allowed_vlans'),
      message: `${key} allows VLAN${unused.length > 1 ? 's' : ''} ${formatVlanSet(unused)}, which ${node.name} does not bridge (tagged frames nobody receives)`,
      fix: `remove ${formatVlanSet(unused)} from allowed_vlans, or bridge it on ${node.name} (node.vlans)`,
    });
  }
  const native = node.bridges.find((b) => b.vlan === port.nativeVlan);
  if (native) {
    error(
      at('native_vlan'),
      `native_vlan ${native.vlan} of ${key} leaves the switch untagged, so ${node.name} would receive VLAN ${native.vlan} untagged on ${node.trunkNic}, not on its VLAN interface ${native.interface} (${native.bridge} would stay empty)`,
      `remove native_vlan from ${key} (the node bridges ${native.vlan} tagged), or stop bridging VLAN ${native.vlan} on ${node.name}`,
    );
  }
  return problems;
}
