import { describe, expect, it } from 'vitest';
import type { Host } from '../../../src/core/inventory.js';
import type { LldpNeighbor } from '../../../src/core/lldp.js';
import { describeSite } from '../../../src/import/describe-site.js';
import type { GatheredNode, GatheredSwitch } from '../../../src/import/gather-devices.js';
import type { NmstateInterface } from '../../../src/platforms/nmstate/nmstate-state.js';
import { defaultPortState, type PortState, type SwitchState } from '../../../src/platforms/switch-state.js';

const host = (name: string): Host => ({ name, address: '127.0.0.1', groups: ['all'], vars: {}, origins: {} });
const naming = { canonicalPrefixes: [] } as unknown as GatheredSwitch['naming'];

function port(name: string, p: Partial<PortState>): [string, PortState] {
  return [name, { ...defaultPortState(name), ...p }];
}

function switchState(): SwitchState {
  return {
    vlans: new Map([
      [1, { id: 1, name: 'default' }],
      [10, { id: 10, name: 'mgmt' }],
      [20, { id: 20 }],
      [30, { id: 30, name: 'vms' }],
    ]),
    interfaces: new Map([
      port('Ethernet1/1', { mode: 'trunk', allowedVlans: [30], allowedIsDefault: false, description: 'n0' }),
      port('Ethernet1/2', { mode: 'access', accessVlan: 10, shutdown: true }),
      port('Ethernet1/3', { mode: 'access' }),
      port('Ethernet1/4', { mode: 'routed', description: 'to-router' }),
      port('Ethernet1/48', { mode: 'trunk', nativeVlan: 10, allowedVlans: [10, 20, 30], allowedIsDefault: false }),
    ]),
  };
}

const heard = (localPort: string, systemName: string, portId: string): LldpNeighbor => ({
  localPort,
  systemName,
  portId,
  portIdType: 'ifname',
});

function bridged(nic: string, id: number, iface = `${nic}.${id}`, bridge = `bridge${id}`): NmstateInterface[] {
  return [
    { name: iface, type: 'vlan', vlan: { 'base-iface': nic, id } },
    { name: bridge, type: 'linux-bridge', bridge: { options: { stp: { enabled: false } }, port: [{ name: iface }] } },
  ];
}

describe('import: a gathered site described in inventory terms', () => {
  const sw: GatheredSwitch = {
    host: host('sw1'),
    platform: 'cisco_nxos',
    naming,
    state: switchState(),
    lldp: [heard('Ethernet1/1', 'node0.example.com', 'eth1'), heard('Ethernet1/48', 'fw1', 'port3')],
  };
  const node0: GatheredNode = {
    host: host('node0'),
    state: { interfaces: [{ name: 'eth1', type: 'ethernet' }, ...bridged('eth1', 30)] },
    lldp: [heard('eth1', 'sw1', 'Ethernet1/1')],
  };
  const node1: GatheredNode = {
    host: host('node1'),
    state: {
      interfaces: [
        ...bridged('eth1', 30, 'eth1.30', 'br-vms'),
        ...bridged('eth1', 20),
        { name: 'eth1.99', type: 'vlan', vlan: { 'base-iface': 'eth1', id: 99 } },
      ],
    },
  };
  const out = describeSite('edge7', { switches: [sw], nodes: [node0, node1], failed: [] });

  it('site VLANs from the switch (VLAN 1 is the device own), VM VLANs from the node bridges', () => {
    expect(out.site).toEqual({
      name: 'edge7',
      vlans: [
        { id: 10, name: 'mgmt' },
        { id: 20, name: 'vlan20', vm: true },
        { id: 30, name: 'vms', vm: true },
      ],
    });
  });

  it('access and trunk ports with faces from LLDP; unconfigured ports are not described', () => {
    expect(out.switches.get('sw1')).toEqual({
      ports: {
        'Ethernet1/1': { description: 'n0', mode: 'trunk', allowed_vlans: '30', faces: 'node0:eth1' },
        'Ethernet1/2': { mode: 'access', access_vlan: 10, enabled: false },
        'Ethernet1/48': { mode: 'trunk', native_vlan: 10, allowed_vlans: '10,20,30' },
      },
    });
  });

  it('nodes: trunk NIC, the bridged VLANs when not the default, uplink from either end of the cable', () => {
    expect(out.nodes.get('node0')).toEqual({
      trunk_nic: 'eth1',
      vlans: [30],
      uplink: { switch: 'sw1', port: 'Ethernet1/1' },
    });
    expect(out.nodes.get('node1')).toEqual({
      trunk_nic: 'eth1',
      vlans: [20, { id: 30, interface: 'eth1.30', bridge: 'br-vms' }],
    });
  });

  it('lists everything it cannot express, naming host and thing', () => {
    expect(out.notExpressed).toEqual([
      'node1: VLAN interface eth1.99 (VLAN 99 on eth1) is in no bridge',
      'sw1: VLAN 20 has no name: the site calls it vlan20',
      'sw1 Ethernet1/4: mode routed (to-router): only access and trunk ports are expressed',
      'sw1 Ethernet1/48: hears fw1:port3, not a node of the inventory: no faces',
      'node1: LLDP places eth1 on no switch port of the inventory: no uplink',
    ]);
  });

  it('a host that could not be read is listed first', () => {
    const failed = describeSite('x', { switches: [], nodes: [], failed: [{ host: 'sw2', error: 'refused' }] });
    expect(failed.notExpressed).toEqual(['sw2: not read: refused']);
  });
});
