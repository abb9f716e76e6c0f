import { beforeAll, describe, expect, it } from 'vitest';
import type { LldpNeighbor } from '../../../src/core/lldp.js';
import type { Site } from '../../../src/core/site.js';
import { compareCabling, heldPorts, type Heard } from '../../../src/cabling/compare-cabling.js';
import { expectedLinks } from '../../../src/cabling/expected-links.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import { normaliseInterfaceName } from '../../../src/platforms/interface-names.js';
import { NXOS_INTERFACE_NAMES } from '../../../src/platforms/cisco-nxos/nxos-interface-names.js';

const canonical = (_sw: string, port: string) => normaliseInterfaceName(NXOS_INTERFACE_NAMES, port);

let site: Site;
beforeAll(async () => {
  site = (
    await loadSite('inventories/site1', (await import('../../../src/platforms/platform-list.js')).defaultPlatforms())
  ).site;
});

/** What switch1 hears when cabled as site1 says (NX-OS reports its neighbours' names; lldpd sends MAC + name). */
function wiredSwitch(): LldpNeighbor[] {
  return expectedLinks(site, canonical).map((l) => ({
    localPort: l.port,
    systemName: `${l.node}.example.com`,
    portId: '52:54:00:aa:bb:cc',
    portIdType: 'mac' as const,
    portDescription: l.nic,
  }));
}

/** What each node hears on its NICs when cabled as site1 says (NX-OS sends its interface name as Port ID). */
function wiredNodes(): Map<string, Heard> {
  const heard = new Map<string, LldpNeighbor[]>();
  for (const l of expectedLinks(site, canonical).filter((l) => l.node.startsWith('node')))
    heard.set(l.node, [...(heard.get(l.node) ?? []), { localPort: l.nic, systemName: 'switch1', portId: l.port }]);
  return new Map([...heard].map(([n, neighbors]) => [n, { neighbors }]));
}

/** Moves node2's trunk cable into Ethernet1/7 (node1's port); node1's trunk NIC is then unplugged. */
function miswired(): { switches: Map<string, Heard>; nodes: Map<string, Heard> } {
  const sw = wiredSwitch()
    .filter((n) => n.localPort !== 'Ethernet1/11' && n.localPort !== 'Ethernet1/7')
    .concat({ localPort: 'Ethernet1/7', systemName: 'node2', portId: 'enp4s0f0', portIdType: 'ifname' });
  const nodes = wiredNodes();
  const patch = (node: string, f: (n: LldpNeighbor[]) => LldpNeighbor[]) => {
    const h = nodes.get(node)!;
    if ('neighbors' in h) nodes.set(node, { neighbors: f([...h.neighbors]) });
  };
  patch('node1', (ns) => ns.filter((n) => n.localPort !== 'enp4s0f0'));
  patch('node2', (ns) => ns.map((n) => (n.localPort === 'enp4s0f0' ? { ...n, portId: 'Eth1/7' } : n)));
  return { switches: new Map([['switch1', { neighbors: sw }]]), nodes };
}

describe('the cabling check', () => {
  it('site1 cabled as the inventory says: every link confirmed from both ends, nothing found', () => {
    const report = compareCabling({
      site,
      canonical,
      switches: new Map([['switch1', { neighbors: wiredSwitch() }]]),
      nodes: wiredNodes(),
    });
    expect(report.findings).toEqual([]);
    expect(report.links).toBe(9);
    expect(report.confirmed).toBe(9);
  });

  it('a cable in the wrong port: both ends named, the port held; the emptied port and NIC are warnings', () => {
    const report = compareCabling({ site, canonical, ...miswired() });
    const errors = report.findings.filter((f) => f.severity === 'error').map((f) => f.message);
    expect(errors).toEqual([
      'switch1 Ethernet1/7 sees node2:enp4s0f0; the inventory says node1:enp4s0f0',
      'node2 enp4s0f0 sees switch1:Ethernet1/7; the inventory says switch1:Ethernet1/11',
    ]);
    expect(report.findings.filter((f) => f.severity === 'warning').map((f) => f.message)).toEqual([
      'switch1 Ethernet1/11 hears no LLDP neighbour; the inventory says node2:enp4s0f0, which switch1 Ethernet1/7 hears',
      'node1 enp4s0f0 hears no LLDP neighbour; the inventory says switch1:Ethernet1/7',
    ]);
    expect([...heldPorts(report)].map(([sw, ports]) => [sw, [...ports.keys()]])).toEqual([
      ['switch1', ['Ethernet1/7']],
    ]);
  });

  it('switch side only (the guard of switch_ports): the same error, no node findings', () => {
    const { switches } = miswired();
    const report = compareCabling({ site, canonical, switches, nodes: new Map() });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([
      {
        severity: 'error',
        switch: 'switch1',
        port: 'Ethernet1/7',
        message: 'switch1 Ethernet1/7 sees node2:enp4s0f0; the inventory says node1:enp4s0f0',
      },
    ]);
  });

  it('a cluster link matched by its MAC when the node sends only that; LLDP that cannot be read is an error', () => {
    const cluster = site.cluster!.links.find((l) => l.node === 'node0')!;
    const neighbors = wiredSwitch().map((n) =>
      n.localPort === 'Ethernet1/1'
        ? {
            localPort: n.localPort,
            systemName: 'node0',
            portId: cluster.mac!.toUpperCase(),
            portIdType: 'mac' as const,
          }
        : n,
    );
    const ok = compareCabling({ site, canonical, switches: new Map([['switch1', { neighbors }]]), nodes: new Map() });
    expect(ok.findings).toEqual([]);
    const broken = compareCabling({
      site,
      canonical,
      switches: new Map([['switch1', { error: '% Invalid command at marker' }]]),
      nodes: new Map([['node0', { neighbors: [] }]]),
    });
    expect(broken.findings).toEqual([
      { severity: 'error', message: 'switch1: LLDP could not be read: % Invalid command at marker' },
      {
        severity: 'warning',
        message:
          "node0 hears no LLDP neighbour on any NIC (lldpd not running, nmstate's lldp not enabled?): its side is not checked",
      },
    ]);
  });

  it('a node that hears nothing at all: one warning, its side not checked', () => {
    const report = compareCabling({
      site,
      canonical,
      switches: new Map([['switch1', { neighbors: wiredSwitch() }]]),
      nodes: new Map([['node0', { neighbors: [] }]]),
    });
    expect(report.findings.map((f) => f.message)).toEqual([
      "node0 hears no LLDP neighbour on any NIC (lldpd not running, nmstate's lldp not enabled?): its side is not checked",
    ]);
  });
});
