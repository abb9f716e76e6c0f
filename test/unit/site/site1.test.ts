import { describe, expect, it } from 'vitest';
import { loadSite } from '../../../src/inventory/load-site.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

describe('inventories/site1 (the seed site)', () => {
  it('validates with no errors and no warnings', async () => {
    const { warnings } = await loadSite('inventories/site1', defaultPlatforms());
    expect(warnings).toEqual([]);
  });

  it('builds the seed VLANs, with 2003-2005 as VM networks', async () => {
    const { site } = await loadSite('inventories/site1', defaultPlatforms());
    expect(site.name).toBe('site1');
    expect(site.vlans.map((v) => [v.id, v.name, v.subnet, v.gateway, v.vm])).toEqual([
      [2000, 'out-of-band', '172.16.0.0/24', '172.16.0.1', false],
      [2001, 'Storage', '172.16.1.0/24', '172.16.1.1', false],
      [2002, 'cluster', '172.16.2.0/23', '172.16.2.1', false],
      [2003, 'virtual-machines-1', '172.16.4.0/24', '172.16.4.1', true],
      [2004, 'virtual-machines-2', '172.16.5.0/24', '172.16.5.1', true],
      [2005, 'virtual-machines-3', '172.16.6.0/24', '172.16.6.1', true],
    ]);
    expect(site.vlans[3]!.description).toBe('First dedicated network for bridged virtual machines');
  });

  it('gives every node a VLAN interface and a bridge per VM VLAN on enp4s0f0', async () => {
    const { site } = await loadSite('inventories/site1', defaultPlatforms());
    expect(site.nodes.map((n) => [n.name, n.host.address, n.uplink?.port])).toEqual([
      ['node0', '172.16.0.10', 'Ethernet1/3'],
      ['node1', '172.16.0.11', 'Ethernet1/7'],
      ['node2', '172.16.0.12', 'Ethernet1/11'],
    ]);
    const node0 = site.nodes[0]!;
    expect(node0.trunkNic).toBe('enp4s0f0');
    expect(node0.bridges).toEqual([
      { vlan: 2003, interface: 'enp4s0f0.2003', bridge: 'bridge2003' },
      { vlan: 2004, interface: 'enp4s0f0.2004', bridge: 'bridge2004' },
      { vlan: 2005, interface: 'enp4s0f0.2005', bridge: 'bridge2005' },
    ]);
  });

  it('builds switch1 as NX-OS with the six VLANs and the ten ports', async () => {
    const { site } = await loadSite('inventories/site1', defaultPlatforms());
    expect(site.switches).toHaveLength(1);
    const sw = site.switches[0]!;
    expect([sw.name, sw.platform, sw.host.address, sw.save]).toEqual(['switch1', 'cisco_nxos', '172.16.0.2', false]);
    expect(sw.vlans.map((v) => `${v.id}:${v.name}`)).toEqual([
      '2000:out-of-band',
      '2001:Storage',
      '2002:cluster',
      '2003:virtual-machines-1',
      '2004:virtual-machines-2',
      '2005:virtual-machines-3',
    ]);
    expect(sw.ports.map((p) => p.name).sort()).toEqual([
      'Ethernet1/1',
      'Ethernet1/10',
      'Ethernet1/11',
      'Ethernet1/2',
      'Ethernet1/3',
      'Ethernet1/48',
      'Ethernet1/5',
      'Ethernet1/6',
      'Ethernet1/7',
      'Ethernet1/9',
    ]);
    const port = (name: string) => sw.ports.find((p) => p.name === name);
    expect(port('Ethernet1/3')).toEqual({
      name: 'Ethernet1/3',
      description: 'node0-virtualization',
      enabled: true,
      mode: 'trunk',
      allowedVlans: [2003, 2004, 2005],
      policy: 'replace',
      faces: { node: 'node0', nic: 'enp4s0f0' },
    });
    expect(port('Ethernet1/3')!.nativeVlan).toBeUndefined();
    expect(port('Ethernet1/48')).toMatchObject({
      description: 'uplink-to-unifi',
      mode: 'trunk',
      nativeVlan: 2000,
      allowedVlans: [2000, 2001, 2002, 2003, 2004, 2005],
    });
    expect(port('Ethernet1/1')).toMatchObject({ description: 'node0-cluster', mode: 'access', accessVlan: 2002 });
    expect(port('Ethernet1/10')).toMatchObject({ description: 'node2-storage', mode: 'access', accessVlan: 2001 });
  });

  it('makes one NAD per VM VLAN on the bridge the nodes use', async () => {
    const { site } = await loadSite('inventories/site1', defaultPlatforms());
    expect(site.nads).toEqual(
      [2003, 2004, 2005].map((id) => ({
        name: `vlan${id}`,
        namespace: 'default',
        cni: 'cnv-bridge',
        macspoofchk: true,
        vlan: id,
        bridge: `bridge${id}`,
        labels: { 'app.kubernetes.io/instance': 'acp-standard-services' },
      })),
    );
    expect(site.others).toEqual([]);
  });
});
