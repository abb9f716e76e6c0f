import { describe, expect, it } from 'vitest';
import { SimCli } from '../../../src/lab/sim/sim-cli.js';
import { SimDevice } from '../../../src/lab/sim/sim-device.js';
import { SIM_PLATFORMS } from '../../../src/lab/sim/start-simulator.js';

describe('data-plane mirror', () => {
  it('programs the VLAN-filtering bridge with the exact commands after each port change', async () => {
    const calls: string[] = [];
    const device = new SimDevice({
      platform: 'arista_eos',
      hostname: 'sw1',
      users: [],
      mirror: {
        bridge: 'br0',
        ports: { Ethernet3: 'veth3', Ethernet4: 'veth4' },
        run: async (argv) => void calls.push(argv.join(' ')),
      },
    });
    const cli = new SimCli(device, SIM_PLATFORMS.arista_eos, 'admin', 15);
    await device.mirror!.idle();
    // Fresh bridge ports already carry VLAN 1 as pvid: access VLAN 1 needs nothing but the link state.
    expect(calls.splice(0)).toEqual(['ip link set veth3 up', 'ip link set veth4 up']);
    for (const line of [
      'configure terminal',
      'interface Ethernet3',
      'switchport trunk native vlan 2000',
      'switchport trunk allowed vlan 2000,2003-2005',
      'switchport mode trunk',
    ])
      cli.run(line, 0);
    await device.mirror!.idle();
    expect(calls.splice(0)).toEqual([
      'bridge vlan del dev veth3 vid 1',
      'bridge vlan add dev veth3 vid 2003-2005',
      'bridge vlan add dev veth3 vid 2000 pvid untagged',
    ]);
    for (const line of [
      'switchport trunk allowed vlan remove 2004',
      'shutdown',
      'interface Ethernet4',
      'switchport access vlan 2002',
    ])
      cli.run(line, 0);
    await device.mirror!.idle();
    expect(calls).toEqual([
      'bridge vlan del dev veth3 vid 2004',
      'ip link set veth3 down',
      'bridge vlan del dev veth4 vid 1',
      'bridge vlan add dev veth4 vid 2002 pvid untagged',
    ]);
  });
});
