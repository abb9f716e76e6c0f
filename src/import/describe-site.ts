import { isPort, isSystem, neighborLabel, portName } from '../cabling/neighbor-identity.js';
import type { LldpNeighbor } from '../core/lldp.js';
import { normaliseInterfaceName } from '../platforms/interface-names.js';
import type { PortState } from '../platforms/switch-state.js';
import { formatVlanSet, sameVlanSet } from '../inventory/vlan-set.js';
import { describeNodeBridges, type NodeBridges } from './describe-nodes.js';
import type { GatheredSite, GatheredSwitch } from './gather-devices.js';

/** A port as the inventory writes it (`switch.ports.NAME`). */
export type PortYaml = Record<string, string | number | boolean>;

/** The site description `import` writes: the `site`, `switch` and `node` keys, and what it could not express. */
export interface ImportedSite {
  readonly site: { name: string; vlans: { id: number; name: string; vm?: true }[] };
  readonly switches: ReadonlyMap<string, { vlans?: number[]; ports: Record<string, PortYaml> }>;
  readonly nodes: ReadonlyMap<
    string,
    {
      trunk_nic: string;
      vlans?: (number | Record<string, string | number>)[];
      uplink?: { switch: string; port: string };
    }
  >;
  /** What is on the devices but not in the description: each line names the host and the thing. */
  readonly notExpressed: readonly string[];
}

/**
 * Describes a gathered site in the inventory's terms, so that the first plan against it is empty: the switches'
 * VLANs (VLAN 1 is the device's own), their access and trunk ports with `faces` from LLDP, the nodes' trunk NIC,
 * bridged VLANs (the site's VM VLANs) and uplink. Everything else is listed in `notExpressed`.
 */
export function describeSite(name: string, gathered: GatheredSite): ImportedSite {
  const notExpressed: string[] = gathered.failed.map((f) => `${f.host}: not read: ${f.error}`);
  const nodeNames = gathered.nodes.map((n) => n.host.name);
  const bridges = gathered.nodes.map(describeNodeBridges);
  for (const b of bridges) notExpressed.push(...b.notExpressed);
  const vmIds = new Set(bridges.flatMap((b) => b.vlans.map((v) => v.id)));

  const vlanNames = new Map<number, string>();
  for (const sw of gathered.switches)
    for (const v of [...sw.state.vlans.values()].sort((a, b) => a.id - b.id)) {
      if (v.id === 1) continue;
      const had = vlanNames.get(v.id);
      const named = v.name ?? had ?? `vlan${v.id}`;
      if (had !== undefined && v.name !== undefined && v.name !== had)
        notExpressed.push(`${sw.host.name}: VLAN ${v.id} is named ${v.name} here, ${had} on another switch`);
      if (v.name === undefined && had === undefined)
        notExpressed.push(`${sw.host.name}: VLAN ${v.id} has no name: the site calls it ${named}`);
      vlanNames.set(v.id, had ?? named);
    }
  for (const id of vmIds)
    if (!vlanNames.has(id)) {
      vlanNames.set(id, `vlan${id}`);
      notExpressed.push(`VLAN ${id} is bridged on the nodes but defined on no switch: the site calls it vlan${id}`);
    }
  const siteIds = [...vlanNames.keys()].sort((a, b) => a - b);
  const vlans = siteIds.map((id) => ({
    id,
    name: vlanNames.get(id)!,
    ...(vmIds.has(id) ? { vm: true as const } : {}),
  }));

  const switches = new Map<string, { vlans?: number[]; ports: Record<string, PortYaml> }>();
  for (const sw of gathered.switches) {
    const own = [...sw.state.vlans.keys()].filter((id) => id !== 1);
    if (sw.lldpError) notExpressed.push(`${sw.host.name}: LLDP not read (${sw.lldpError}): no faces written`);
    switches.set(sw.host.name, {
      ...(sameVlanSet(own, siteIds) ? {} : { vlans: own.sort((a, b) => a - b) }),
      ports: describePorts(sw, nodeNames, notExpressed),
    });
  }

  const nodes = new Map<
    string,
    {
      trunk_nic: string;
      vlans?: (number | Record<string, string | number>)[];
      uplink?: { switch: string; port: string };
    }
  >();
  for (const b of bridges) {
    const node = gathered.nodes.find((n) => n.host.name === b.node)!;
    const trunkNic = b.trunkNic ?? trunkFromSwitches(b.node, gathered);
    if (trunkNic === undefined) {
      notExpressed.push(`${b.node}: no VLAN bridges and no trunk port hears it: node.trunk_nic is left to you`);
      continue;
    }
    const uplink = uplinkOf(b.node, trunkNic, gathered, node.lldp);
    if (!uplink) notExpressed.push(`${b.node}: LLDP places ${trunkNic} on no switch port of the inventory: no uplink`);
    nodes.set(b.node, {
      trunk_nic: trunkNic,
      ...nodeVlans(b, trunkNic, vmIds),
      ...(uplink ? { uplink } : {}),
    });
  }
  return { site: { name, vlans }, switches, nodes, notExpressed };
}

/** `node.vlans` when the node's bridges are not the site default (every VM VLAN, `<nic>.<id>`, `bridge<id>`). */
function nodeVlans(
  b: NodeBridges,
  nic: string,
  vmIds: ReadonlySet<number>,
): { vlans?: (number | Record<string, string | number>)[] } {
  const named = b.vlans.some((v) => v.interface !== `${nic}.${v.id}` || v.bridge !== `bridge${v.id}`);
  if (
    !named &&
    sameVlanSet(
      b.vlans.map((v) => v.id),
      vmIds,
    )
  )
    return {};
  return {
    vlans: b.vlans.map((v) =>
      v.interface === `${nic}.${v.id}` && v.bridge === `bridge${v.id}`
        ? v.id
        : { id: v.id, interface: v.interface, bridge: v.bridge },
    ),
  };
}

/** The node NIC a switch's trunk port hears, when the node bridges nothing yet. */
function trunkFromSwitches(node: string, gathered: GatheredSite): string | undefined {
  for (const sw of gathered.switches)
    for (const n of sw.lldp ?? []) {
      const port = sw.state.interfaces.get(n.localPort);
      if (port?.mode === 'trunk' && isSystem(n, [node])) return portName(n);
    }
  return undefined;
}

/** The switch port at the other end of the node's trunk NIC: from the switch's LLDP, else from the node's. */
function uplinkOf(
  node: string,
  nic: string,
  gathered: GatheredSite,
  nodeLldp: readonly LldpNeighbor[] | undefined,
): { switch: string; port: string } | undefined {
  for (const sw of gathered.switches) {
    const n = (sw.lldp ?? []).find((x) => isSystem(x, [node]) && isPort(x, nic));
    if (n) return { switch: sw.host.name, port: n.localPort };
  }
  for (const n of (nodeLldp ?? []).filter((x) => x.localPort === nic)) {
    const sw = gathered.switches.find((s) => isSystem(n, [s.host.name]));
    const port = portName(n);
    if (sw && port) return { switch: sw.host.name, port: normaliseInterfaceName(sw.naming, port) };
  }
  return undefined;
}

/** Whether a port carries configuration (an unconfigured port is not described, and there is nothing to lose). */
function isConfigured(p: PortState): boolean {
  return (
    p.description !== undefined ||
    p.accessVlan !== undefined ||
    p.nativeVlan !== undefined ||
    !p.allowedIsDefault ||
    p.mode === 'trunk'
  );
}

function describePorts(
  sw: GatheredSwitch,
  nodeNames: readonly string[],
  notExpressed: string[],
): Record<string, PortYaml> {
  const ports: Record<string, PortYaml> = {};
  const names = [...sw.state.interfaces.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const name of names) {
    const p = sw.state.interfaces.get(name)!;
    if (!isConfigured(p)) continue;
    if (p.mode !== 'access' && p.mode !== 'trunk') {
      notExpressed.push(
        `${sw.host.name} ${name}: mode ${p.mode ?? 'unknown'}${p.description ? ` (${p.description})` : ''}: only access and trunk ports are expressed`,
      );
      continue;
    }
    const port: PortYaml = {};
    if (p.description !== undefined) port['description'] = p.description;
    port['mode'] = p.mode;
    if (p.mode === 'access' && p.accessVlan !== undefined) port['access_vlan'] = p.accessVlan;
    if (p.mode === 'trunk') {
      if (p.nativeVlan !== undefined) port['native_vlan'] = p.nativeVlan;
      port['allowed_vlans'] = formatVlanSet(p.allowedVlans);
    }
    if (p.shutdown) port['enabled'] = false;
    const heard = (sw.lldp ?? []).filter((n) => n.localPort === name);
    const node = heard.find((n) => isSystem(n, nodeNames));
    const nic = node && portName(node);
    if (node && nic) port['faces'] = `${nodeNames.find((x) => isSystem(node, [x]))!}:${nic}`;
    for (const other of heard.filter((n) => n !== node))
      notExpressed.push(
        `${sw.host.name} ${name}: hears ${neighborLabel(other)}, not a node of the inventory: no faces`,
      );
    ports[name] = port;
  }
  return ports;
}
